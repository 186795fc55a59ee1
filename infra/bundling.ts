/**
 * How every function is built, shared by the CDK construct and bench/bundles.ts so the bench
 * measures exactly what is deployed.
 */
import { Runtime } from "aws-cdk-lib/aws-lambda";

/** The newest Node.js runtime the installed aws-cdk-lib offers (NODEJS_24_X with 2.276). */
export const nodeRuntime: Runtime = (() => {
  const versions = Object.keys(Runtime)
    .map((name) => /^NODEJS_(\d+)_X$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
  const newest = Math.max(...versions);
  return (Runtime as unknown as Record<string, Runtime>)[`NODEJS_${newest}_X`] as Runtime;
})();

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
 * The same build as plain esbuild options: one minified ESM file per function with a source map,
 * the AWS SDK bundled (pinned versions, tree-shaken to the commands used) rather than taken from the runtime.
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
