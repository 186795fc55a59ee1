/**
 * The layers' dependency rules (.dependency-cruiser.cjs): the domain imports nothing outside itself,
 * use cases no adapter, the local stack not the CLI. Checked over the whole source tree.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.ts";

const depcruise = join(repoRoot, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

describe("dependencies point inward", () => {
  it("breaks none of the layer rules anywhere in the source", () => {
    const run = spawnSync(process.execPath, [depcruise, "shared", "functions", "local", "cli", "infra", "bench", "scripts", "--output-type", "json"], {
      cwd: repoRoot,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const result = JSON.parse(run.stdout) as { summary: { violations: Violation[]; totalCruised: number } };

    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
    expect(result.summary.totalCruised).toBeGreaterThan(100);
  });
});
