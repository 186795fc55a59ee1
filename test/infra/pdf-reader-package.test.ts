import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { esbuildOptions, externalModules, filesBesideBundle } from "../../infra/bundling.ts";
import { renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { repoRoot } from "../support/paths.ts";

// A folder outside the project: nothing resolves from its node_modules, as in Lambda's /var/task.
let packageDir: string;

beforeAll(async () => {
  packageDir = mkdtempSync(join(tmpdir(), "thads-package-"));
  // The PDF reader built and packaged as for the ingest-document function (the SDK is not needed here).
  await build({
    ...esbuildOptions,
    entryPoints: [join(repoRoot, "shared/adapters/pdf/pdfjs-text-layer.ts")],
    outfile: join(packageDir, "reader.mjs"),
    external: externalModules("ingest-document"),
    logLevel: "silent",
  });
  for (const command of filesBesideBundle("ingest-document", repoRoot.replace(/\/$/, ""), packageDir)) execFileSync("sh", ["-c", command]);
  writeFileSync(join(packageDir, "judgment.pdf"), await renderTextPdf(["TÒA ÁN NHÂN DÂN HUYỆN BÌNH LỤC\nBản án số: 27/2024/DS-ST", "QUYẾT ĐỊNH:"]));
  writeFileSync(
    join(packageDir, "read.mjs"),
    `import { readFileSync } from "node:fs";
import { pdfjsTextLayer } from "./reader.mjs";
const pages = await pdfjsTextLayer.readPages(readFileSync("judgment.pdf"));
process.stdout.write(JSON.stringify(pages.map((page) => page.lines.map((line) => line.text))));`,
  );
});

afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

describe("the deployment package of a function that reads PDFs", () => {
  it("reads a digital PDF's text layer with only the files it ships (bundle and pdf.js beside it, no native canvas)", () => {
    const result = spawnSync(process.execPath, ["read.mjs"], { cwd: packageDir, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });

    expect(result.status, result.stderr).toBe(0);
    // pdf.js first warns, on stdout, that it found no native canvas: only rendering pages would need one.
    expect(JSON.parse(result.stdout.slice(result.stdout.indexOf("[[")))).toEqual([["TÒA ÁN NHÂN DÂN HUYỆN BÌNH LỤC", "Bản án số: 27/2024/DS-ST"], ["QUYẾT ĐỊNH:"]]);
  });
});
