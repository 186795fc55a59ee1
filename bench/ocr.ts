/**
 * Local OCR speed, measured side by side on one 6-page judgment:
 *   - seconds per page of Tesseract (one page at a time),
 *   - the same scanned PDF with pages in parallel on every core (speedup over one at a time),
 *   - reading the digital PDF's text layer (pdfjs getTextContent) against OCR of its scan.
 *
 *   npx tsx bench/ocr.ts [--runs N]     (N OCR runs per variant, alternated; default 1, as one run is ~1 min)
 *
 * Needs Tesseract and poppler: scripts/install-system-deps.sh.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { TesseractOcrEngine } from "#adapters/local/tesseract-ocr.ts";
import { bestIntTessdataDir } from "#adapters/local/tessdata.ts";
import type { SourceDocument } from "#ports/ocr-engine.ts";
import { CLEAN_LOOK, rasterisePdf, renderTextPdf, scanPages, scannerLook } from "../scripts/make-scans.ts";

/** A corpus judgment that renders to exactly six A4 pages. */
const SOURCE = "../shared/corpus/written-001.txt";
const TEXT_LAYER_RUNS = 15;

export interface OcrBenchResult {
  pages: number;
  workers: number;
  /** Median seconds per page, one page at a time. */
  secondsPerPage: number;
  /** CPU seconds the OCR programs used per page: unlike wall time, barely moved by other work on the machine. */
  cpuSecondsPerPage: number;
  /** 1-minute load average before and after, to tell a busy machine's figures apart. */
  load: [number, number];
  sequentialSeconds: number;
  parallelSeconds: number;
  /** sequential / parallel */
  speedup: number;
  /** CPU seconds / wall seconds of the parallel run: how many cores the machine actually gave it. */
  coresObtained: number;
  textLayerSeconds: number;
  /** OCR (parallel) / text layer */
  textLayerAdvantage: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));

/** CPU time of this process's finished child processes (Tesseract, pdftoppm), from /proc (Linux). */
export function childCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  // Fields 16 and 17 of stat (cutime, cstime); the slice starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

async function readTextLayer(pdf: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
    }
    return pages.join("\n");
  } finally {
    await document.destroy();
  }
}

export async function benchOcr(options: { runs?: number; log?: (line: string) => void } = {}): Promise<OcrBenchResult> {
  const runs = Math.max(1, options.runs ?? 1);
  const log = options.log ?? console.log;
  const text = await readFile(SOURCE, "utf8");
  const digital = await renderTextPdf(text);
  const pages = await rasterisePdf(digital, CLEAN_LOOK.dpi);
  const scanned: SourceDocument = { name: "bench.pdf", mediaType: "application/pdf", bytes: await scanPages(pages, "pdf", scannerLook("bench"), "bench") };
  const workers = availableParallelism();
  // The project's model and binarisation (bench/ocr-models.ts compares them with the others).
  const oneAtATime = new TesseractOcrEngine({ tessdataDir: bestIntTessdataDir(), concurrency: 1 });
  const allCores = new TesseractOcrEngine({ tessdataDir: bestIntTessdataDir(), concurrency: workers });

  const loadBefore = loadavg()[0]!;
  const sequential: number[] = [];
  const parallel: number[] = [];
  const cpuPerPage: number[] = [];
  const coresObtained: number[] = [];
  for (let run = 0; run < runs; run++) {
    let cpuBefore = childCpuSeconds();
    sequential.push(await seconds(() => oneAtATime.recognize(scanned)));
    cpuPerPage.push((childCpuSeconds() - cpuBefore) / pages.length);
    cpuBefore = childCpuSeconds();
    parallel.push(await seconds(() => allCores.recognize(scanned)));
    coresObtained.push((childCpuSeconds() - cpuBefore) / parallel.at(-1)!);
  }
  const loadAfter = loadavg()[0]!;

  await readTextLayer(digital); // the first call loads pdfjs's worker code
  const textLayer: number[] = [];
  for (let run = 0; run < TEXT_LAYER_RUNS; run++) textLayer.push(await seconds(() => readTextLayer(digital)));

  const result: OcrBenchResult = {
    pages: pages.length,
    workers,
    secondsPerPage: median(sequential) / pages.length,
    cpuSecondsPerPage: median(cpuPerPage),
    load: [loadBefore, loadAfter],
    sequentialSeconds: median(sequential),
    parallelSeconds: median(parallel),
    speedup: median(sequential) / median(parallel),
    coresObtained: median(coresObtained),
    textLayerSeconds: median(textLayer),
    textLayerAdvantage: median(parallel) / median(textLayer),
  };
  log(`ocr: ${result.pages}-page scanned PDF at 300 dpi, Tesseract vie best_int + Sauvola, median of ${runs} run(s)`);
  log(`  one page at a time   ${result.sequentialSeconds.toFixed(1)} s  (${result.secondsPerPage.toFixed(2)} s/page; ${result.cpuSecondsPerPage.toFixed(2)} CPU s/page)`);
  log(`  ${workers} pages at a time    ${result.parallelSeconds.toFixed(1)} s  (speedup ${result.speedup.toFixed(2)}x; it got ${result.coresObtained.toFixed(2)} of ${workers} cores)`);
  log(`  text layer (pdfjs)   ${(result.textLayerSeconds * 1000).toFixed(0)} ms for the digital PDF, median of ${TEXT_LAYER_RUNS}`);
  log(`  text layer vs OCR    ${result.textLayerAdvantage.toFixed(0)}x faster (goal >= 50x)`);
  log(`  load average         ${result.load.map((l) => l.toFixed(1)).join(" before, ")} after (${workers} cores; above ${workers} the machine was shared)`);
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf("--runs");
  await benchOcr({ runs: i >= 0 ? Number(process.argv[i + 1]) : 1 });
}
