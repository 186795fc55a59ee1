/**
 * The `thads` commands on top of the local stack, run as a user runs them (./bin/thads in its own
 * process): against the stack another process runs on the same data folder, as `npm start` does, and
 * on their own when none runs.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStack } from "../../local/stack.ts";
import { samplesDir } from "../support/paths.ts";
import { jsonLines, runThadsOn } from "../support/run-thads.ts";

/** The statistical half-year (Oct-Mar = H1 of the year it ends in, Apr-Sep = H2) that today falls in. */
function currentPeriod(): string {
  const today = new Date();
  const [year, month] = [today.getUTCFullYear(), today.getUTCMonth() + 1];
  if (month >= 10) return `${year + 1}-H1`;
  return month <= 3 ? `${year}-H1` : `${year}-H2`;
}

describe("thads commands on the stack npm start runs", () => {
  let dataDir: string;
  let stack: LocalStack;
  let caseId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "thads-cli-"));
    stack = await LocalStack.start({ dataDir });
  });

  afterAll(async () => {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("ingests a file through the running stack and says it became a new case", async () => {
    const run = await runThadsOn(dataDir, ["ingest", "--json", "--court", "tand-binh-luc", join(samplesDir, "pdf", "ban-an-vay-tai-san.pdf")]);

    expect(run.stderr).toBe("");
    const [outcome] = jsonLines(run.stdout);
    // a Hà Nam district court's judgment after the 2025 merger goes to the regional office that took the court over
    expect(outcome).toMatchObject({ outcome: "created", status: "extracted" });
    caseId = String(outcome?.caseId);
    expect((await stack.cases.get(caseId))?.caseNumber).toBe("27/2024/DS-ST");
  });

  it("finds the case by a party's name without diacritics and shows it by id", async () => {
    const search = await runThadsOn(dataDir, ["cases", "search", "--party", "tran thi hong nhung", "--agency", "ninh-binh-kv-7", "--json"]);
    const shown = await runThadsOn(dataDir, ["case", caseId]);

    expect(jsonLines(search.stdout).map((found) => found.caseId)).toEqual([caseId]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("Trần Thị Hồng Nhung");
    expect(shown.stdout).toContain(`Mã hồ sơ:      ${caseId} (phiên bản 1, đã trích xuất)`);
  });

  it("writes the semiannual report of the matters opened as JSON, once the stream has brought them in", async () => {
    const period = currentPeriod();
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const opened = await runThadsOn(dataDir, ["matters", "open", "--json", caseId, "--proposal", `${caseId}/0+1`, "--decision", "12/QĐ-THADS", "--decision-date", today, "--executor", "Trần Văn Bình"]);
    expect(opened.stderr).toBe("");
    const run = await runThadsOn(dataDir, ["report", "--period", period, "--format", "json", "--out", dataDir]);

    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(run.stdout.trim(), "utf8")) as { period: { name: string }; views: { byUnit: { total: { current: { viec: { new: number }; tien: { new: number } } } } } };
    expect(report.period.name).toBe(period);
    expect(report.views.byUnit.total.current.viec.new).toBe(1);
    expect(report.views.byUnit.total.current.tien.new).toBe(240_000_000);
  });

  it("refuses a report period that is not a half-year, naming the option", async () => {
    const run = await runThadsOn(dataDir, ["report", "--period", "2026-Q1"]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--period phải có dạng YYYY-H1 hoặc YYYY-H2");
  });
});

describe("thads commands with no stack running", () => {
  it("start a stack of their own on the data folder and leave nothing running", { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "thads-cli-own-"));
    try {
      const run = await runThadsOn(dataDir, ["review"]);

      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Hàng chờ kiểm tra: 0");
      await expect(readFile(join(dataDir, "stack.json"))).rejects.toThrow();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
