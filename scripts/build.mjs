// Bundles the `thads` CLI into dist/thads.mjs (run by bin/thads) and chunks in dist/chunks/. Bundles start
// fast: Node reads and compiles a few modules instead of resolving hundreds of small TypeScript ones.
// Then builds the web console (console/, Vite) into dist/console, which `thads start` serves.
import { build } from "esbuild";
import { build as buildConsole } from "vite";
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
  // node_modules and is imported (lazily, on the first PDF) from there. The local stack's S3 server
  // (CommonJS, loaded only by the commands that start a stack) is imported from node_modules too, and
  // so are pdfkit (font data beside its code) and sharp (a native addon), which only `thads start`
  // loads, to render the sample scans.
  external: ["pdfjs-dist", "@20minutes/s3rver", "pdfkit", "sharp"],
  // CommonJS packages inside the bundle (parts of the AWS SDK) require Node's built-ins; ESM has no `require`.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  legalComments: "none",
  logLevel: "warning",
});
// Vite builds React's development code when NODE_ENV says so (vitest sets "test"): the console is always built for production.
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = "production";
try {
  await buildConsole({ configFile: fileURLToPath(new URL("../console/vite.config.ts", import.meta.url)), logLevel: "warn" });
} finally {
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
}
