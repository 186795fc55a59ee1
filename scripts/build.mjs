// Bundles the `thads` CLI into dist/thads.mjs, run by bin/thads. One file starts fast: Node reads and
// compiles a single module instead of resolving hundreds of small TypeScript ones. What only some runs
// need (the OCR adapters, and the AWS SDK behind --ocr textract) goes to chunks loaded on first use.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { thads: "cli/thads.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // pdf.js loads its worker and font data from its own package folder at run time, so it stays in
  // node_modules and is imported (lazily, on the first PDF) from there.
  external: ["pdfjs-dist"],
  // CommonJS dependencies (the AWS SDK behind --ocr textract) call require() for Node built-ins.
  banner: { js: "import { createRequire as __thadsRequire } from 'node:module'; const require = __thadsRequire(import.meta.url);" },
  legalComments: "none",
  logLevel: "warning",
});
