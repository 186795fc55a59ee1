/**
 * Builds the page function for the container image (run inside the Dockerfile's build stage):
 *   npx tsx infra/ocr-image/bundle.ts OUT_DIR
 * The same esbuild options and pdf.js files as every other function, with two differences that come from the
 * image: the AWS SDK is bundled (a Debian image has no runtime SDK) and the target is the image's Node.js.
 */
import { execSync } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";
import { esbuildOptions, filesBesideBundle } from "../bundling.ts";

const out = process.argv[2];
if (!out) throw new Error("usage: bundle.ts OUT_DIR");
await build({
  ...esbuildOptions,
  target: `node${process.versions.node.split(".")[0]}`,
  entryPoints: ["functions/recognize-page/handler.ts"],
  outfile: join(out, "index.mjs"),
  external: ["pdfjs-dist"],
  logLevel: "warning",
});
for (const command of filesBesideBundle("recognize-page", process.cwd(), out)) execSync(command);
