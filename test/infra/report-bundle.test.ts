import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_GOAL_BYTES, benchBundles } from "../../bench/bundles.ts";
import { esbuildOptions } from "../../infra/bundling.ts";
import { repoRoot } from "../support/paths.ts";

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "thads-report-bundle-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Builds `source` (code run as an ES module) the way every function is bundled, and runs it with node. */
async function runBundled(source: string, options: Parameters<typeof build>[0] = esbuildOptions): Promise<string> {
  const entry = join(dir, "entry.ts");
  await writeFile(entry, source);
  const outfile = join(dir, `out-${Math.random().toString(36).slice(2)}.mjs`);
  await build({ ...options, entryPoints: [entry], outfile, logLevel: "silent", absWorkingDir: repoRoot });
  const { stdout } = await run(process.execPath, [outfile]);
  return stdout.trim();
}

const EXPORT_XLSX = `
import { xlsxWorkbookWriter } from ${JSON.stringify(join(repoRoot, "shared/adapters/xlsx/xlsx-workbook-writer.ts"))};
import { buildReport } from ${JSON.stringify(join(repoRoot, "shared/domain/report/build-report.ts"))};
import { exportReport } from ${JSON.stringify(join(repoRoot, "shared/use-cases/export-report.ts"))};
const [file] = await exportReport(buildReport({ matters: [], events: [], period: "2026-H1" }), "xlsx", xlsxWorkbookWriter);
console.log(file.body.subarray(0, 2).toString("latin1"));
`;

describe("the report export inside a Lambda bundle", () => {
  it("writes an XLSX workbook from a minified ES module, as the roll-up-report function runs it", async () => {
    // A workbook is a zip: it starts with "PK".
    expect(await runBundled(EXPORT_XLSX)).toBe("PK");
  });

  it("keeps the roll-up-report function's bundle within the 1 MB goal", async () => {
    const [figures] = await benchBundles({ runs: 1, functions: ["roll-up-report"] });
    expect(figures?.bytes).toBeLessThanOrEqual(BUNDLE_GOAL_BYTES);
    expect(figures?.largest.map((part) => part.source)).not.toContain("exceljs");
  });
});
