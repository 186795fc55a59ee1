import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dataDir, repositoryRoot } from "../../local/paths.ts";
import { repoRoot } from "../support/paths.ts";
import { runThads } from "../support/run-thads.ts";

describe("where the local stack keeps its data", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("finds the checkout from the bundle's chunk folder as from the source folder", () => {
    expect(repositoryRoot(join(repoRoot, "dist", "chunks"))).toBe(repoRoot.replace(/\/$/, ""));
    expect(repositoryRoot(join(repoRoot, "local"))).toBe(repoRoot.replace(/\/$/, ""));
  });

  it("is .thads/ at the top of the checkout unless THADS_DATA_DIR names another folder", () => {
    vi.stubEnv("THADS_DATA_DIR", "");
    expect(dataDir()).toBe(join(repoRoot, ".thads"));
    vi.stubEnv("THADS_DATA_DIR", "/tmp/elsewhere");
    expect(dataDir()).toBe("/tmp/elsewhere");
  });
});

describe("the bundled thads and npm start", () => {
  it("name the same data folder, .thads/ at the top of the checkout", () => {
    const env = { ...process.env };
    delete env.THADS_DATA_DIR;
    const run = runThads(["start", "--help"], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Thư mục dữ liệu: ${join(repoRoot, ".thads")} `);
  });
});
