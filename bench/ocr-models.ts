/**
 * Which Vietnamese model Tesseract should use, measured on scans degraded as courts' real ones are:
 * Debian's tesseract-ocr-vie ("fast") against 4.0.0_best_int from the npm package @tesseract.js-data/vie,
 * each with Tesseract's default global (Otsu) binarisation and with local (Sauvola) binarisation.
 *
 * For each variant: character error rate against the source text, the kit scorer's overall and obligations
 * F1 on the case extracted from the OCR text, and CPU seconds per page; then what 1,000 pages cost on Lambda
 * (arm64) at that CPU time beside Textract's list price.
 *
 *   npm run bench -- --only ocr      (with the speed section; ~10 min on one free core)
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { TesseractOcrEngine, type TesseractOptions } from "#adapters/local/tesseract-ocr.ts";
import { bestIntTessdataDir } from "#adapters/local/tessdata.ts";
import { UnreadableDocumentError } from "#domain/document/unreadable-document-error.ts";
import { extractDocument } from "#use-cases/extract-document.ts";
import { characterErrorRate } from "../test/support/cer.ts";
import { applyScanLook, imagesToPdf, rasterisePdf, renderTextPdf, seededRandom } from "../scripts/make-scans.ts";
import { PAGE_FUNCTION } from "../infra/constructs/ocr-pipeline.ts";
import { childCpuSeconds } from "./ocr.ts";
import { pdfjsTextLayer } from "../shared/adapters/pdf/pdfjs-text-layer.ts";

const CORPUS = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const SCORER = fileURLToPath(new URL("../../shared/eval/score.mjs", import.meta.url));
/** Short real judgments, together 10 pages: enough to tell the models apart in a few minutes. */
const DOCUMENTS = ["real-006", "real-013", "real-203", "real-206", "real-005", "real-202"];

/** Lambda arm64 price per GB-second (ap-southeast-1 and us-east-1, first 7.5 billion GB-s a month) and per request. */
export const LAMBDA_ARM64 = { usdPerGbSecond: 0.0000133334, usdPerMillionRequests: 0.2 } as const;
/** The page function's memory as deployed: a little more than one vCPU, what one single-threaded Tesseract uses. */
const PAGE_FUNCTION_MEMORY_MB = PAGE_FUNCTION.memorySize;
/** Textract DetectDocumentText / StartDocumentTextDetection list price, first million pages a month. */
export const TEXTRACT_USD_PER_1000_PAGES = 1.5;

/** Lambda cost of 1,000 pages when one page takes `secondsPerPage` (one invocation per page). */
export function lambdaUsdPer1000Pages(secondsPerPage: number, memoryMb = PAGE_FUNCTION_MEMORY_MB): number {
  return 1000 * (secondsPerPage * (memoryMb / 1024) * LAMBDA_ARM64.usdPerGbSecond + LAMBDA_ARM64.usdPerMillionRequests / 1e6);
}

interface Variant {
  name: string;
  options: () => TesseractOptions;
}

const VARIANTS: Variant[] = [
  { name: "fast (Debian)", options: () => ({ thresholding: "otsu" }) },
  { name: "fast + Sauvola", options: () => ({ thresholding: "sauvola" }) },
  { name: "best_int (npm)", options: () => ({ tessdataDir: bestIntTessdataDir(), thresholding: "otsu" }) },
  { name: "best_int + Sauvola", options: () => ({ tessdataDir: bestIntTessdataDir(), thresholding: "sauvola" }) },
];

export interface ModelResult {
  variant: string;
  cer: number;
  overall: number;
  obligationsF1: number;
  cpuSecondsPerPage: number;
  wallSecondsPerPage: number;
}

/**
 * A page as a court's scanner or phone leaves it, drawn from the seed: 150-200 dpi, faint toner, blur, a round
 * stamp and a signature over the text, skew up to 3°, grey paper with noise, heavy JPEG.
 */
async function degrade(clean: Buffer, dpi: number, seed: string): Promise<Buffer> {
  const random = seededRandom(seed);
  const { width = 1240, height = 1754 } = await sharp(clean).metadata();
  const faint = 0.3 + random() * 0.25; // black toner prints as grey 75-140
  const r = Math.round(width * 0.1);
  const [sx, sy] = [Math.round(width * (0.45 + random() * 0.25)), Math.round(height * (0.3 + random() * 0.5))];
  const marks = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <g fill="none" stroke="rgb(200,40,40)" stroke-opacity="0.65">
      <circle cx="${sx}" cy="${sy}" r="${r}" stroke-width="${Math.max(3, r / 14)}"/>
      <circle cx="${sx}" cy="${sy}" r="${r * 0.72}" stroke-width="${Math.max(2, r / 30)}"/>
      <path d="M ${sx - r * 0.5} ${sy} l ${r * 0.25} ${-r * 0.3} l ${r * 0.25} ${r * 0.3} l ${r * 0.25} ${-r * 0.3} l ${r * 0.25} ${r * 0.3}" stroke-width="${Math.max(3, r / 12)}"/>
    </g>
    <path d="M ${sx - r * 1.6} ${sy + r * 0.6} c ${r * 0.4} ${-r * 0.9}, ${r * 0.6} ${r * 0.8}, ${r} ${-r * 0.2} s ${r * 0.5} ${r * 0.7}, ${r * 1.1} ${-r * 0.4}"
      fill="none" stroke="rgb(20,30,120)" stroke-width="${Math.max(2, r / 25)}" stroke-opacity="0.8"/>
  </svg>`);
  const marked = await sharp(clean)
    .linear(1 - faint, 255 * faint)
    .blur(0.5 + random() * 0.6)
    .composite([{ input: marks }])
    .png()
    .toBuffer();
  return applyScanLook(
    marked,
    { dpi, skewDegrees: (random() * 2 - 1) * 3, noiseSigma: 8 + random() * 10, paper: 228 + Math.round(random() * 20), jpegQuality: 35 + Math.round(random() * 20) },
    `${seed}#look`,
    "jpg",
  );
}

/** Scores the cases in `predDir` against the kit's gold files for the same documents, with the kit scorer. */
async function score(predDir: string, ids: string[]): Promise<{ overall: number; obligationsF1: number }> {
  const gold = await mkdtemp(join(tmpdir(), "thads-gold-"));
  try {
    for (const id of ids) await symlink(join(CORPUS, `${id}.json`), join(gold, `${id}.json`));
    const out = execFileSync(process.execPath, [SCORER, "--gold", gold, "--pred", predDir], { encoding: "utf8" });
    const last = /overall ([\d.]+) \(obligations F1 ([\d.]+)\)/.exec(out);
    if (!last) throw new Error(`unexpected scorer output: ${out}`);
    return { overall: Number(last[1]), obligationsF1: Number(last[2]) };
  } finally {
    await rm(gold, { recursive: true, force: true });
  }
}

export async function benchOcrModels(log: (line: string) => void = console.log): Promise<ModelResult[]> {
  const documents = await Promise.all(
    DOCUMENTS.map(async (id, index) => {
      const text = await readFile(join(CORPUS, `${id}.txt`), "utf8");
      const dpi = [150, 200, 175][index % 3]!;
      const clean = await rasterisePdf(await renderTextPdf(text), dpi);
      const pages = await Promise.all(clean.map((page, n) => degrade(page, dpi, `${id}#${n + 1}`)));
      return { id, text, dpi, pageCount: pages.length, pdf: await imagesToPdf(pages) };
    }),
  );
  const pageCount = documents.reduce((sum, d) => sum + d.pageCount, 0);
  log(`ocr models: ${documents.length} kit judgments, ${pageCount} pages scanned at 150-200 dpi with skew up to 3°, blur, faint toner,`);
  log(`  a stamp and a signature over the text, JPEG quality 35-55; image-only PDFs, read as intake reads them`);

  const results: ModelResult[] = [];
  for (const variant of VARIANTS) {
    // One page at a time, so CPU time per page is that of one Lambda invocation.
    const engine = new TesseractOcrEngine({ ...variant.options(), concurrency: 1 });
    const pred = await mkdtemp(join(tmpdir(), "thads-pred-"));
    try {
      const cers: number[] = [];
      const cpuBefore = childCpuSeconds();
      const started = performance.now();
      for (const doc of documents) {
        try {
          const { case: found, read } = await extractDocument({ name: `${doc.id}.pdf`, mediaType: "application/pdf", bytes: doc.pdf }, { ocr: engine, pdf: pdfjsTextLayer });
          cers.push(characterErrorRate(doc.text, read.text.replace(/\f/g, " ")));
          await writeFile(join(pred, `${doc.id}.json`), JSON.stringify(found));
        } catch (error) {
          // Nothing read: every character is an error, and the scorer counts the document as without output.
          if (!(error instanceof UnreadableDocumentError)) throw error;
          log(`  ${variant.name}: ${doc.id} unread (${error.message})`);
          cers.push(1);
        }
      }
      const wall = (performance.now() - started) / 1000;
      const cpu = childCpuSeconds() - cpuBefore;
      const weighted = cers.reduce((sum, cer, i) => sum + cer * documents[i]!.text.length, 0) / documents.reduce((sum, d) => sum + d.text.length, 0);
      results.push({ variant: variant.name, cer: weighted, ...(await score(pred, DOCUMENTS)), cpuSecondsPerPage: cpu / pageCount, wallSecondsPerPage: wall / pageCount });
    } finally {
      await rm(pred, { recursive: true, force: true });
    }
  }
  for (const line of formatModelTable(results)) log(line);
  return results;
}

export function formatModelTable(results: ModelResult[]): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(8);
  const usd = (x: number) => `$${x.toFixed(3)}`.padStart(8);
  const lowest = results.reduce((best, r) => (r.cer < best.cer ? r : best));
  return [
    `  ${"model".padEnd(20)} ${"CER".padStart(8)} ${"overall".padStart(8)} ${"oblig.F1".padStart(8)} ${"CPU s/pg".padStart(8)} ${"wall s/pg".padStart(9)} ${"Lambda/1k".padStart(9)}`,
    ...results.map(
      (r) =>
        `  ${r.variant.padEnd(20)} ${pct(r.cer)} ${pct(r.overall)} ${pct(r.obligationsF1)} ${r.cpuSecondsPerPage.toFixed(2).padStart(8)} ${r.wallSecondsPerPage.toFixed(2).padStart(9)} ${usd(lambdaUsdPer1000Pages(r.cpuSecondsPerPage)).padStart(9)}`,
    ),
    `  lowest CER: ${lowest.variant} (the project's default is best_int + Sauvola: shared/adapters/local/tessdata.ts, tesseract-ocr.ts)`,
    `  Lambda/1k: 1,000 pages at the CPU time measured here, ${PAGE_FUNCTION_MEMORY_MB} MB arm64 at $${LAMBDA_ARM64.usdPerGbSecond}/GB-s + $${LAMBDA_ARM64.usdPerMillionRequests}/1M requests;`,
    `  Textract DetectDocumentText list price: $${TEXTRACT_USD_PER_1000_PAGES.toFixed(2)} per 1,000 pages (no Vietnamese model).`,
  ];
}
