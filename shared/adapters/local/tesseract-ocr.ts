import { execFile, type ExecFileOptions } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  CorruptDocumentError,
  EmptyDocumentError,
  EncryptedPdfError,
  NoTextFoundError,
  TruncatedPdfError,
  UnsupportedDocumentError,
} from "#domain/document/unreadable-document-error.ts";
import {
  OcrEngineUnavailableError,
  type OcrEngine,
  type PageText,
  type RecognizeOptions,
  type SourceDocument,
  type TextLine,
} from "#ports/ocr-engine.ts";
import { inReadingOrder } from "#adapters/reading-order.ts";

const execFileAsync = promisify(execFile);

/**
 * Work folders and programs of the recognitions in flight. A process that exits mid-way (the CLI
 * turns Ctrl-C and SIGTERM into an exit) stops the programs and removes the folders, so that no
 * page images are left in the temp folder.
 */
const inFlight = { folders: new Set<string>(), programs: new AbortController() };
process.once("exit", () => {
  inFlight.programs.abort();
  for (const folder of inFlight.folders) rmSync(folder, { recursive: true, force: true });
});

const run = (file: string, args: readonly string[], options: Omit<ExecFileOptions, "signal" | "encoding"> & { encoding?: BufferEncoding } = {}) =>
  execFileAsync(file, args, { encoding: "utf8", ...options, signal: inFlight.programs.signal });

export const INSTALL_HINT =
  "install it with scripts/install-system-deps.sh (Debian: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils libtiff-tools)";

export interface TesseractOptions {
  /** Tesseract language data, e.g. "vie" or "vie+eng". */
  languages?: string;
  /** Pages recognised at once; defaults to the number of cores. */
  concurrency?: number;
  /** Resolution PDF pages are rasterised at. */
  dpi?: number;
  /** Tesseract page segmentation mode; 3 (automatic layout) keeps the two header columns of a judgment apart. */
  pageSegmentationMode?: number;
  /** Longest one page may take before it is abandoned. */
  pageTimeoutMs?: number;
  /**
   * Folder holding the language data (Tesseract's --tessdata-dir); TESSDATA_PREFIX or the system's when absent.
   * The project's model is best_int (tessdata.ts; in the container image through TESSDATA_PREFIX).
   */
  tessdataDir?: string;
  /**
   * How Tesseract binarises the page: "sauvola" (the default: a threshold per neighbourhood) or "otsu" (Tesseract's
   * own default, one threshold for the page). On degraded scans Sauvola cut the character error rate from ~15% to
   * ~4-5% for both models (faint toner, stamps), for ~15% more CPU (bench/ocr-models.ts).
   */
  thresholding?: "otsu" | "sauvola";
}

/** A page waiting to be recognised: its number and how to get its image file. */
interface PendingPage {
  pageNumber: number;
  image: () => Promise<string>;
  /** Known when we rasterised the page ourselves; otherwise Tesseract reads it from the image. */
  dpi?: number;
}

/**
 * Local OCR with Tesseract's Vietnamese model. PDFs are rasterised page by page with poppler's pdftoppm,
 * multi-page TIFFs split with libtiff's tiffsplit, and pages recognised in parallel (one single-threaded
 * Tesseract per core, so its own OpenMP threads do not fight the pool).
 */
export class TesseractOcrEngine implements OcrEngine {
  readonly name = "tesseract";
  private readonly languages: string;
  private readonly concurrency: number;
  private readonly dpi: number;
  private readonly psm: number;
  private readonly pageTimeoutMs: number;
  private readonly tessdataArgs: string[];
  private readonly thresholdingArgs: string[];
  private installed: Promise<void> | undefined;

  constructor(options: TesseractOptions = {}) {
    this.languages = options.languages ?? "vie";
    this.concurrency = Math.max(1, options.concurrency ?? availableParallelism());
    this.dpi = options.dpi ?? 300;
    this.psm = options.pageSegmentationMode ?? 3;
    this.pageTimeoutMs = options.pageTimeoutMs ?? 180_000;
    this.tessdataArgs = options.tessdataDir ? ["--tessdata-dir", options.tessdataDir] : [];
    this.thresholdingArgs = (options.thresholding ?? "sauvola") === "sauvola" ? ["-c", "thresholding_method=2"] : [];
  }

  async recognize(document: SourceDocument, options: RecognizeOptions = {}): Promise<PageText[]> {
    if (document.bytes.length === 0) throw new EmptyDocumentError();
    assertMatchesType(document);
    await this.ensureInstalled();
    const work = await mkdtemp(join(tmpdir(), "thads-ocr-"));
    inFlight.folders.add(work);
    try {
      const pages = await this.pendingPages(document, work, options.pages);
      const recognised = await mapWithConcurrency(pages, this.concurrency, async (page) => {
        const image = await page.image();
        const tsv = await this.tesseract(document.name, image, page.dpi);
        // A 300 dpi page is ~9 MB uncompressed: keep only the pages in flight on disk (Lambda's /tmp is 512 MB by default).
        await rm(image, { force: true });
        return { pageNumber: page.pageNumber, source: "ocr" as const, lines: parseTesseractTsv(tsv) };
      });
      if (recognised.length > 0 && recognised.every((page) => page.lines.length === 0)) throw new NoTextFoundError();
      return recognised;
    } finally {
      await rm(work, { recursive: true, force: true });
      inFlight.folders.delete(work);
    }
  }

  private async pendingPages(document: SourceDocument, work: string, wanted: number[] | undefined): Promise<PendingPage[]> {
    const select = <T extends { pageNumber: number }>(all: T[]): T[] => {
      if (!wanted) return all;
      const outside = wanted.filter((n) => !all.some((p) => p.pageNumber === n));
      if (outside.length > 0) throw new RangeError(`${document.name} has ${all.length} page(s); asked for ${outside.join(", ")}`);
      return all.filter((p) => wanted.includes(p.pageNumber));
    };
    switch (document.mediaType) {
      case "application/pdf": {
        const pdf = join(work, "document.pdf");
        await writeFile(pdf, document.bytes);
        const pageCount = await this.pdfPageCount(pdf);
        const all = Array.from({ length: pageCount }, (_, i) => ({ pageNumber: i + 1 }));
        return select(all).map(({ pageNumber }) => ({
          pageNumber,
          dpi: this.dpi,
          image: () => this.rasterise(pdf, pageNumber, join(work, `page-${pageNumber}`)),
        }));
      }
      case "image/tiff": {
        const tiff = join(work, "document.tif");
        await writeFile(tiff, document.bytes);
        const files = await splitTiff(tiff, join(work, "page-"));
        return select(files.map((file, i) => ({ pageNumber: i + 1, image: () => Promise.resolve(file) })));
      }
      case "image/png":
      case "image/jpeg": {
        const image = join(work, document.mediaType === "image/png" ? "page.png" : "page.jpg");
        await writeFile(image, document.bytes);
        return select([{ pageNumber: 1, image: () => Promise.resolve(image) }]);
      }
      case "text/plain":
        throw new UnsupportedDocumentError("plain text needs no OCR");
    }
  }

  private async pdfPageCount(pdf: string): Promise<number> {
    try {
      const { stdout } = await run("pdfinfo", [pdf], { encoding: "latin1" });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
      if (!Number.isInteger(pages) || pages < 1) throw new CorruptDocumentError("PDF has no pages");
      return pages;
    } catch (error) {
      throw pdfToolError(error);
    }
  }

  private async rasterise(pdf: string, pageNumber: number, outputBase: string): Promise<string> {
    const page = String(pageNumber);
    try {
      // Uncompressed greyscale (PGM): compressing a noisy scan to PNG costs more CPU than recognising it.
      await run("pdftoppm", ["-r", String(this.dpi), "-gray", "-f", page, "-l", page, "-singlefile", pdf, outputBase]);
    } catch (error) {
      throw pdfToolError(error);
    }
    return `${outputBase}.pgm`;
  }

  private async tesseract(name: string, image: string, dpi: number | undefined, thresholding = this.thresholdingArgs): Promise<string> {
    const args = [
      image,
      "stdout",
      ...this.tessdataArgs,
      "-l",
      this.languages,
      "--psm",
      String(this.psm),
      ...(dpi ? ["--dpi", String(dpi)] : []),
      ...thresholding,
      // TSV by setting, not by the "tsv" config file: that lives in the system's tessdata, not in a --tessdata-dir.
      "-c",
      "tessedit_create_tsv=1",
    ];
    try {
      const { stdout } = await run("tesseract", args, {
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
        maxBuffer: 64 << 20,
        timeout: this.pageTimeoutMs,
      });
      return stdout;
    } catch (error) {
      if (isMissingProgram(error)) throw new OcrEngineUnavailableError(`tesseract is not installed: ${INSTALL_HINT}`);
      const stderr = String((error as { stderr?: unknown }).stderr ?? "");
      if (/cannot be read|pixRead|Unsupported image type/i.test(stderr)) throw new CorruptDocumentError("the image cannot be decoded");
      // Sauvola needs a window of a few pixels: an image smaller than that is read with the global threshold.
      if (thresholding.length > 0 && /Sauvola/i.test(stderr)) return this.tesseract(name, image, dpi, []);
      throw error;
    }
  }

  /** Checks once per engine that Tesseract and its language data are here, so a missing install fails with a clear message. */
  private ensureInstalled(): Promise<void> {
    this.installed ??= (async () => {
      let listed: string;
      try {
        const { stdout, stderr } = await run("tesseract", [...this.tessdataArgs, "--list-langs"]);
        listed = stdout + stderr;
      } catch (error) {
        this.installed = undefined;
        if (isMissingProgram(error)) throw new OcrEngineUnavailableError(`tesseract is not installed: ${INSTALL_HINT}`);
        throw error;
      }
      const available = new Set(listed.split(/\s+/));
      const missing = this.languages.split("+").filter((language) => !available.has(language));
      if (missing.length > 0) {
        this.installed = undefined;
        throw new OcrEngineUnavailableError(`Tesseract language data missing (${missing.join(", ")}): ${INSTALL_HINT}`);
      }
    })();
    return this.installed;
  }
}

interface Word {
  text: string;
  confidence: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Reads Tesseract's TSV output into lines in reading order. A line is cut where two words are further
 * apart than three line heights (Tesseract often joins the two header columns of a judgment into one
 * line), then the pieces are ordered by geometry like any other engine's. Boxes are page-relative,
 * confidence is the mean word confidence scaled to 0..1, text is NFC.
 */
export function parseTesseractTsv(tsv: string): TextLine[] {
  let pageWidth = 1;
  let pageHeight = 1;
  const lines = new Map<string, Word[]>();
  for (const row of tsv.split("\n").slice(1)) {
    const cells = row.split("\t");
    if (cells.length < 12) continue;
    const [level, , block, paragraph, line, , left, top, width, height, confidence] = cells.slice(0, 11).map(Number) as number[];
    const text = cells.slice(11).join("\t").trim();
    if (level === 1) {
      pageWidth = width! || 1;
      pageHeight = height! || 1;
    } else if (level === 5 && text !== "") {
      const key = `${block}.${paragraph}.${line}`;
      const words = lines.get(key) ?? [];
      words.push({ text, confidence: confidence! / 100, left: left!, top: top!, right: left! + width!, bottom: top! + height! });
      lines.set(key, words);
    }
  }
  const pieces: TextLine[] = [];
  for (const words of lines.values()) {
    const lineHeight = Math.max(...words.map((w) => w.bottom - w.top));
    let piece: Word[] = [];
    for (const word of words) {
      const previous = piece.at(-1);
      if (previous && word.left - previous.right > 3 * lineHeight) {
        pieces.push(toTextLine(piece, pageWidth, pageHeight));
        piece = [];
      }
      piece.push(word);
    }
    pieces.push(toTextLine(piece, pageWidth, pageHeight));
  }
  return inReadingOrder(pieces);
}

function toTextLine(words: Word[], pageWidth: number, pageHeight: number): TextLine {
  const left = Math.min(...words.map((w) => w.left));
  const top = Math.min(...words.map((w) => w.top));
  const right = Math.max(...words.map((w) => w.right));
  const bottom = Math.max(...words.map((w) => w.bottom));
  // Tesseract gives -1 to words it did not score; they do not count towards the line's confidence.
  const scored = words.filter((w) => w.confidence >= 0).map((w) => w.confidence);
  return {
    text: words.map((w) => w.text).join(" ").normalize("NFC"),
    confidence: scored.length ? round(scored.reduce((a, b) => a + b, 0) / scored.length) : 0,
    box: { left: round(left / pageWidth), top: round(top / pageHeight), width: round((right - left) / pageWidth), height: round((bottom - top) / pageHeight) },
  };
}

const MAGIC: Record<Exclude<SourceDocument["mediaType"], "text/plain">, (b: Uint8Array) => boolean> = {
  "application/pdf": (b) => Buffer.from(b.subarray(0, 1024)).includes("%PDF-"),
  "image/png": (b) => Buffer.from(b.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/tiff": (b) => {
    const head = Buffer.from(b.subarray(0, 4)).toString("latin1");
    return head === "II*\0" || head === "MM\0*" || head === "II+\0" || head === "MM\0+";
  },
};

/**
 * Refuses bytes that are not what their type says before any tool sees them: Tesseract reads a file it
 * cannot decode as a list of image paths, so unchecked input could make it open other files.
 */
function assertMatchesType(document: SourceDocument): void {
  if (document.mediaType === "text/plain") return;
  if (!MAGIC[document.mediaType](document.bytes)) {
    throw new CorruptDocumentError(`the file is not a ${document.mediaType.split("/")[1]!.toUpperCase()} (its first bytes do not match)`);
  }
  if (document.mediaType === "application/pdf") {
    // A complete PDF ends with %%EOF; readers look for it in the last kilobyte. Without it the upload was cut short.
    const tail = Buffer.from(document.bytes.subarray(Math.max(0, document.bytes.length - 1024)));
    if (!tail.includes("%%EOF")) throw new TruncatedPdfError();
  }
}

function pdfToolError(error: unknown): Error {
  if (error instanceof CorruptDocumentError) return error;
  if (isMissingProgram(error)) return new OcrEngineUnavailableError(`poppler's pdfinfo/pdftoppm are not installed: ${INSTALL_HINT}`);
  const stderr = String((error as { stderr?: unknown }).stderr ?? "");
  if (/incorrect password/i.test(stderr)) return new EncryptedPdfError();
  if (/xref|trailer|end of file|EOF/i.test(stderr)) return new TruncatedPdfError();
  return new CorruptDocumentError(`PDF cannot be read (${stderr.split("\n").find((l) => l.trim()) ?? "unknown error"})`);
}

async function splitTiff(tiff: string, prefix: string): Promise<string[]> {
  try {
    await run("tiffsplit", [tiff, prefix]);
  } catch (error) {
    if (isMissingProgram(error)) throw new OcrEngineUnavailableError(`libtiff's tiffsplit is not installed: ${INSTALL_HINT}`);
    throw new CorruptDocumentError("the TIFF cannot be read");
  }
  const dir = join(prefix, "..");
  const base = prefix.slice(dir.length + 1);
  // tiffsplit names pages aaa, aab, ... so name order is page order.
  const pages = (await readdir(dir)).filter((f) => f.startsWith(base) && f.endsWith(".tif")).sort();
  if (pages.length === 0) throw new CorruptDocumentError("the TIFF has no pages");
  return pages.map((f) => join(dir, f));
}

function isMissingProgram(error: unknown): boolean {
  return (error as { code?: unknown }).code === "ENOENT";
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Runs fn over items with at most `limit` at a time, keeping the results in item order. */
async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!);
      } catch (error) {
        next = items.length; // one failed page fails the document: start no more
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
