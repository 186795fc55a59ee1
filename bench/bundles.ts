/**
 * Bundle size and cold-start import time of every Lambda function, built exactly as deployed
 * (infra/bundling.ts). Run alone with `npx tsx bench/bundles.ts`, or call `benchBundles()`.
 *
 * Import time is what Lambda's init phase spends loading the handler module: the median over
 * several fresh Node processes, each importing the bundle once with the function's environment.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { build, type Metafile } from "esbuild";
import { esbuildOptions, externalModules, filesBesideBundle } from "../infra/bundling.ts";
import { functionEnvironment, LOCAL_NAMES } from "../local/environment.ts";
import { functionSettings, type FunctionName } from "../shared/config.ts";

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL("../", import.meta.url));

/** The goal for each function's minified bundle. */
export const BUNDLE_GOAL_BYTES = 1024 * 1024;

export interface BundleFigures {
  name: FunctionName;
  bytes: number;
  sourceMapBytes: number;
  /** Files shipped beside the bundle (pdf.js for the functions that read PDFs), loaded only when needed. */
  besideBytes: number;
  /** Largest contributors by package (or project folder), in bytes of output. */
  largest: { source: string; bytes: number }[];
  importMs: { median: number; min: number; max: number };
  /** Median import time with NODE_OPTIONS=--enable-source-maps (what decoding stack traces in Lambda would cost). */
  importWithSourceMapsMs: number;
}

/** Settings a handler needs to load; values are fakes (the local stack's names), nothing is called. */
const FAKE_ENVIRONMENT = functionEnvironment({ names: LOCAL_NAMES, serviceName: "bench" });

function sourceOf(path: string): string {
  const modules = path.split("node_modules/");
  const last = modules.at(-1) ?? path;
  if (modules.length === 1) return last.split("/").slice(0, 2).join("/");
  const parts = last.split("/");
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? last);
}

function largestSources(metafile: Metafile, top: number): { source: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      totals.set(sourceOf(path), (totals.get(sourceOf(path)) ?? 0) + input.bytesInOutput);
    }
  }
  return [...totals].map(([source, bytes]) => ({ source, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, top);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Imports the bundle in a fresh Node process and returns the milliseconds the import took. */
async function importOnce(bundle: string, nodeOptions: string): Promise<number> {
  const script = `const start = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); process.stdout.write(String(performance.now() - start));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "--no-warnings", "-e", script], {
    env: { PATH: process.env.PATH ?? "", ...FAKE_ENVIRONMENT, NODE_OPTIONS: nodeOptions },
  });
  return Number(stdout);
}

export async function measureBundle(name: FunctionName, outDir: string, runs: number): Promise<BundleFigures> {
  const outfile = join(outDir, name, "index.mjs");
  const result = await build({
    ...esbuildOptions,
    entryPoints: [join(projectRoot, "functions", name, "handler.ts")],
    outfile,
    external: externalModules(name),
    metafile: true,
    logLevel: "silent",
  });
  const beside = filesBesideBundle(name, projectRoot.replace(/\/$/, ""), join(outDir, name));
  for (const command of beside) await run("sh", ["-c", command]);
  const besideBytes = beside.length > 0 ? Number((await run("du", ["-sb", join(outDir, name, "node_modules")])).stdout.split("\t")[0]) : 0;
  const timings: number[] = [];
  for (let index = 0; index < runs; index += 1) timings.push(await importOnce(outfile, ""));
  const withMaps: number[] = [];
  for (let index = 0; index < runs; index += 1) withMaps.push(await importOnce(outfile, "--enable-source-maps"));
  return {
    name,
    bytes: (await stat(outfile)).size,
    sourceMapBytes: (await stat(`${outfile}.map`)).size,
    besideBytes,
    largest: result.metafile ? largestSources(result.metafile, 6) : [],
    importMs: { median: median(timings), min: Math.min(...timings), max: Math.max(...timings) },
    importWithSourceMapsMs: median(withMaps),
  };
}

/** Builds and measures every function in turn (one at a time: the machine is shared). */
export async function benchBundles(options: { runs?: number; functions?: FunctionName[] } = {}): Promise<BundleFigures[]> {
  // Inside the project, so that the modules a bundle leaves out (the AWS SDK, which Lambda's runtime provides)
  // resolve from node_modules as they do from the runtime's.
  await mkdir(join(projectRoot, ".thads"), { recursive: true });
  const outDir = await mkdtemp(join(projectRoot, ".thads", "bundles-"));
  try {
    const figures: BundleFigures[] = [];
    for (const name of options.functions ?? (Object.keys(functionSettings) as FunctionName[])) {
      figures.push(await measureBundle(name, outDir, options.runs ?? 7));
    }
    return figures;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function formatBundleReport(figures: BundleFigures[]): string {
  const lines = [
    `Lambda bundles (esbuild, minified ESM, ${esbuildOptions.target}, AWS SDK from the runtime; goal <= ${kb(BUNDLE_GOAL_BYTES)} each). Import time: median of fresh processes, Node ${process.versions.node} on this machine, the SDK loaded from node_modules.`,
    "",
    "| function | bundle | goal | beside it | source map | import ms (min-max) | with --enable-source-maps | largest parts |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const figure of figures) {
    const parts = figure.largest.map((part) => `${part.source} ${kb(part.bytes)}`).join(", ");
    lines.push(
      `| ${figure.name} | ${kb(figure.bytes)} | ${figure.bytes <= BUNDLE_GOAL_BYTES ? "ok" : "OVER"} | ${figure.besideBytes > 0 ? `pdf.js ${kb(figure.besideBytes)}` : "-"} | ${kb(figure.sourceMapBytes)} | ` +
        `${figure.importMs.median.toFixed(0)} (${figure.importMs.min.toFixed(0)}-${figure.importMs.max.toFixed(0)}) | ${figure.importWithSourceMapsMs.toFixed(0)} | ${parts} |`,
    );
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(formatBundleReport(await benchBundles()));
}
