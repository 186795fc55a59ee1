/**
 * A fresh checkout as the README walks through it: `THADS_ONCE=1 npm start` ingests the samples and
 * exits, then the bundled `thads` commands find what it stored (both resolve the same data folder).
 * Slow (two scans go through Tesseract): `npm start` runs once for the whole file.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runThads } from "../support/run-thads.ts";
import { repoRoot } from "../support/paths.ts";

const jsonLines = (text: string) => text.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

describe("THADS_ONCE=1 npm start, then the thads commands", () => {
  let dataDir: string;
  let start: { status: number | null; stdout: string; stderr: string };
  const env = () => ({ ...process.env, THADS_DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "thads-npm-start-"));
    start = spawnSync("npm", ["start", "--silent"], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 20 * 60_000,
      env: { ...env(), THADS_ONCE: "1", THADS_PORT: "0" },
    });
  }, 20 * 60_000);

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("ingests the five samples and exits", () => {
    expect(start.stderr).not.toMatch(/thads:/);
    expect(start.status).toBe(0);
    expect(start.stdout).toContain("Đang tiếp nhận 5 tài liệu mẫu");
  });

  it("lets thads review list the cases npm start queued for review", () => {
    const run = runThads(["review", "--json"], env());

    expect(run.code).toBe(0);
    const queued = jsonLines(run.stdout).filter((line) => "queued" in line);
    expect(queued.length).toBeGreaterThan(0);
  });

  it("lets thads cases search find a party of the samples without diacritics", () => {
    const run = runThads(["cases", "search", "--party", "tran thi hong nhung", "--json"], env());

    expect(run.code).toBe(0);
    const found = jsonLines(run.stdout);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((line) => line.caseNumber)).toContain("27/2024/DS-ST");
  });
});
