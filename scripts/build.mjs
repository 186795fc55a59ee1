// Bundles the `thads` CLI into one ESM file, dist/thads.mjs, run by bin/thads. One file starts fast:
// Node reads and compiles a single module instead of resolving hundreds of small TypeScript ones.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ["cli/thads.ts"],
  outfile: "dist/thads.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // pdf.js loads its worker and font data from its own package folder at run time, so it stays in
  // node_modules and is imported (lazily, on the first PDF) from there.
  external: ["pdfjs-dist"],
  legalComments: "none",
  logLevel: "warning",
});
