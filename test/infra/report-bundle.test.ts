import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { buildReport } from ${JSON.stringify(join(repoRoot, "shared/domain/report/build-report.ts"))};
import { exportReport } from ${JSON.stringify(join(repoRoot, "shared/domain/report/export/export.ts"))};
const [file] = await exportReport(buildReport({ matters: [], events: [], period: "2026-H1" }), "xlsx");
console.log(file.body.subarray(0, 2).toString("latin1"));
`;

describe("the report export inside a Lambda bundle", () => {
  it("writes an XLSX workbook from a minified ES module, as the roll-up-report function runs it", async () => {
    // A workbook is a zip: it starts with "PK".
    expect(await runBundled(EXPORT_XLSX)).toBe("PK");
  });

  it("needs the require shim the bundle banner provides: without it exceljs cannot load node built-ins", async () => {
    await expect(runBundled(EXPORT_XLSX, { ...esbuildOptions, banner: { js: "" } })).rejects.toThrow(/Dynamic require of .* is not supported/);
  });
});
