/**
 * How every function is built, shared by the CDK construct and bench/bundles.ts so the bench
 * measures exactly what is deployed.
 */
import { Runtime } from "aws-cdk-lib/aws-lambda";
import type { FunctionName } from "../shared/config.ts";

/**
 * The Lambda runtime, pinned: a new runtime is a deliberate change (tests, bundle target), not what
 * the installed aws-cdk-lib happens to offer. The code keeps to what Node.js 20 offers, since local
 * machines run 20.
 */
export const nodeRuntime: Runtime = Runtime.NODEJS_22_X;

export const nodeTarget = nodeRuntime.name.replace(/^nodejs(\d+)\.x$/, "node$1");

/** ESM output needs `require` for the CommonJS parts of dependencies (X-Ray SDK). */
export const ESM_REQUIRE_SHIM = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Build choices both the CDK construct and the bench apply. */
export const bundling = {
  minify: true,
  sourceMap: true,
  mainFields: ["module", "main"],
  banner: ESM_REQUIRE_SHIM,
} as const;

/**
 * The AWS SDK v3 ships with every Lambda Node.js runtime since nodejs18.x, and those runtimes resolve ES module
 * imports from it, so it is not bundled: that halves most bundles. The price is the runtime's SDK version
 * (AWS updates it now and then) instead of the lockfile's; the clients and commands used here are years old.
 */
const RUNTIME_PROVIDED = ["@aws-sdk/*"];

/** The functions that read PDFs' text layers with pdf.js (shared/adapters/pdf). */
const READS_PDFS: ReadonlySet<FunctionName> = new Set(["ingest-document", "complete-textract-job", "recognize-page"]);

/**
 * pdf.js cannot live in a bundle: it loads its worker (pdf.worker.mjs) beside its entry, and character maps and
 * fonts from its package folder, at run time. Functions that read PDFs get these files of the package, copied from
 * the project's node_modules, beside their bundle; everything else of it is left out.
 */
export const PDFJS_FILES = ["package.json", "legacy/build/pdf.mjs", "legacy/build/pdf.worker.mjs", "cmaps", "standard_fonts"] as const;

/** Modules a function's bundle imports at run time instead of containing. */
export function externalModules(name: FunctionName): string[] {
  return [...RUNTIME_PROVIDED, ...(READS_PDFS.has(name) ? ["pdfjs-dist"] : [])];
}

/** Shell commands that put what a function loads beside its bundle into `outputDir` (CDK's afterBundling hook). */
export function filesBesideBundle(name: FunctionName, projectRoot: string, outputDir: string): string[] {
  if (!READS_PDFS.has(name)) return [];
  const from = `${projectRoot}/node_modules/pdfjs-dist`;
  const to = `${outputDir}/node_modules/pdfjs-dist`;
  return PDFJS_FILES.map((file) => `mkdir -p "$(dirname "${to}/${file}")" && cp -R "${from}/${file}" "${to}/${file}"`);
}

/**
 * The same build as plain esbuild options: one minified ESM file per function with a source map; add
 * `external: externalModules(name)` for a function.
 */
export const esbuildOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: nodeTarget,
  minify: bundling.minify,
  sourcemap: bundling.sourceMap,
  mainFields: [...bundling.mainFields] as string[],
  banner: { js: bundling.banner },
} as const;
