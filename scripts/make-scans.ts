/**
 * Renders the kit corpus texts (../shared/corpus/*.txt) as scanned-looking documents for OCR tests:
 * PDF (image-only), PNG, JPEG and multi-page TIFF at 300 dpi, with noise, slight skew and JPEG
 * compression. Output is reproducible (seeded by document id) and goes to a git-ignored folder.
 *
 *   npx tsx scripts/make-scans.ts [--out .thads/scans] [--corpus ../shared/corpus] [--only real-013,...]
 *
 * Score OCR extraction against the gold files with `--gold ../shared/corpus --docs .thads/scans`.
 * The functions are exported so tests and the bench can render their own small documents.
 * Needs pdftoppm (poppler-utils) and the DejaVu fonts: scripts/install-system-deps.sh.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import sharp from "sharp";

const run = promisify(execFile);

/** A serif face with precomposed Vietnamese glyphs, close to the Times-like faces courts print with. */
export const VIETNAMESE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
const A4_POINTS = { width: 595.28, height: 841.89 };
const MARGIN = 56;

export type ScanFormat = "pdf" | "png" | "jpg" | "tif";

export interface ScanLook {
  dpi: number;
  /** Rotation of the whole page, degrees. */
  skewDegrees: number;
  /** Standard deviation of the grey-level noise added to each pixel (0..255 scale). */
  noiseSigma: number;
  /** Paper grey level (255 = white). */
  paper: number;
  /** Quality of the JPEG round trip every page goes through; null keeps the page lossless. */
  jpegQuality: number | null;
}

/** A perfect 300 dpi render: the baseline for character error rate. */
export const CLEAN_LOOK: ScanLook = { dpi: 300, skewDegrees: 0, noiseSigma: 0, paper: 255, jpegQuality: null };

/** An office scanner: slightly grey paper, sensor noise, a page fed a little crooked, JPEG inside. */
export function scannerLook(seed: string): ScanLook {
  const random = seededRandom(seed);
  return {
    dpi: 300,
    skewDegrees: (random() - 0.5) * 1.6,
    noiseSigma: 10 + random() * 8,
    paper: 238 + Math.round(random() * 12),
    jpegQuality: 60 + Math.round(random() * 20),
  };
}

/** Lays the text out on A4 pages as a digital PDF (with a text layer). Rows split by a run of 3+ spaces become two columns, as in judgment headers. */
export async function renderTextPdf(text: string, options: { userPassword?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, ...(options.userPassword ? { userPassword: options.userPassword } : {}) });
  const done = collect(doc);
  doc.font(VIETNAMESE_FONT).fontSize(12);
  const width = A4_POINTS.width - 2 * MARGIN;
  const lineHeight = doc.currentLineHeight(true) + 2;
  for (const rawLine of text.normalize("NFC").replace(/\r/g, "").split("\n")) {
    const line = rawLine.trimEnd();
    if (line.trim() === "") {
      doc.moveDown(0.5);
      continue;
    }
    const columns = /^(.*?\S)\s{3,}(\S.*)$/.exec(line);
    if (columns) {
      if (doc.y + lineHeight > A4_POINTS.height - MARGIN) doc.addPage();
      const y = doc.y;
      const [left, right] = [columns[1]!.trim(), columns[2]!.trim()];
      // Header rows stay on one line each side: shrink the type rather than wrap, as court templates do.
      doc.fontSize(Math.min(12, (12 * width * 0.4) / doc.fontSize(12).widthOfString(left), (12 * width * 0.58) / doc.widthOfString(right)));
      doc.text(left, MARGIN, y, { width: width * 0.4, lineBreak: false });
      doc.text(right, MARGIN + width * 0.42, y, { width: width * 0.58, align: "center", lineBreak: false });
      doc.fontSize(12);
      doc.x = MARGIN;
      doc.y = y + lineHeight;
    } else {
      doc.text(line.trim(), MARGIN, doc.y, { width, lineGap: 2 });
    }
  }
  doc.end();
  return done;
}

/** Rasterises every page of a PDF to 8-bit grey PNGs with poppler's pdftoppm. */
export async function rasterisePdf(pdf: Uint8Array, dpi: number): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), "thads-render-"));
  try {
    await writeFile(join(dir, "in.pdf"), pdf);
    await run("pdftoppm", ["-r", String(dpi), "-gray", "-png", join(dir, "in.pdf"), join(dir, "page")]);
    const pages = (await readdir(dir)).filter((f) => f.startsWith("page")).sort();
    return Promise.all(pages.map((f) => readFile(join(dir, f))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Makes a clean page render look scanned: skew, grey paper, seeded noise, JPEG round trip. Returns grey PNG (or JPEG when asked). */
export async function applyScanLook(page: Buffer, look: ScanLook, seed: string, output: "png" | "jpg" = "png"): Promise<Buffer> {
  const { data, info } = await sharp(page)
    .greyscale()
    .rotate(look.skewDegrees, { background: "#ffffff" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (look.noiseSigma > 0 || look.paper < 255) {
    const random = seededRandom(seed);
    // Gaussian sensor noise drawn from a table (Box-Muller once per entry) keeps a 9-megapixel page under a second.
    const noise = Float32Array.from({ length: 4096 }, () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random()) * look.noiseSigma);
    const paperShade = (255 - look.paper) / 255;
    for (let i = 0; i < data.length; i++) {
      const value = data[i]! * (1 - paperShade) + noise[(random() * 4096) | 0]!;
      data[i] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
  }
  let image = sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).withMetadata({ density: look.dpi });
  if (look.jpegQuality !== null) {
    const jpeg = await image.jpeg({ quality: look.jpegQuality }).toBuffer();
    if (output === "jpg") return jpeg;
    image = sharp(jpeg).withMetadata({ density: look.dpi });
  }
  return output === "jpg" ? image.jpeg({ quality: 92 }).toBuffer() : image.png().toBuffer();
}

/** Wraps page images into an image-only PDF (no text layer), one A4 page per image, like a scanner's PDF. */
export async function imagesToPdf(pages: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: false });
  const done = collect(doc);
  for (const page of pages) {
    doc.addPage();
    doc.image(page, 0, 0, { fit: [A4_POINTS.width, A4_POINTS.height], align: "center", valign: "center" });
  }
  doc.end();
  return done;
}

/** Joins page images into one multi-page TIFF (bilevel, CCITT G4, as fax-style scanners write). */
export async function imagesToTiff(pages: Buffer[], dpi: number): Promise<Buffer> {
  const sameSize = await Promise.all(
    pages.map((p) => sharp(p).resize(2480, 3508, { fit: "contain", background: "#ffffff" }).greyscale().png({ compressionLevel: 0 }).toBuffer()),
  );
  return sharp(sameSize, { join: { animated: true } })
    .toColourspace("b-w")
    .tiff({ compression: "ccittfax4", bitdepth: 1, xres: dpi / 25.4, yres: dpi / 25.4 })
    .toBuffer();
}

/** Turns clean page renders into one scanned-looking document of the given format. */
export async function scanPages(clean: Buffer[], format: ScanFormat, look: ScanLook, seed: string): Promise<Buffer> {
  if (format === "png" || format === "jpg") {
    const page = clean.length === 1 ? clean[0]! : await stackPages(clean);
    return applyScanLook(page, look, seed, format);
  }
  const pages = await Promise.all(clean.map((page, i) => applyScanLook(page, look, `${seed}#${i + 1}`, "jpg")));
  return format === "pdf" ? imagesToPdf(pages) : imagesToTiff(pages, look.dpi);
}

/** Several pages photographed as one long image (a phone's "scroll capture"). */
async function stackPages(pages: Buffer[]): Promise<Buffer> {
  const sizes = await Promise.all(pages.map((p) => sharp(p).metadata()));
  const width = Math.max(...sizes.map((s) => s.width ?? 0));
  const height = sizes.reduce((sum, s) => sum + (s.height ?? 0), 0);
  let top = 0;
  const layers = pages.map((input, i) => {
    const layer = { input, left: 0, top };
    top += sizes[i]!.height ?? 0;
    return layer;
  });
  return sharp({ create: { width, height, channels: 3, background: "#ffffff" } }).composite(layers).greyscale().png().toBuffer();
}

/** Which format each corpus document is rendered to: every format is covered; the long ones are PDF or TIFF, as courts send them. */
export function formatFor(index: number, pageCount: number): ScanFormat {
  if (pageCount <= 2) return index % 2 === 0 ? "png" : "jpg";
  return index % 2 === 0 ? "pdf" : "tif";
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** Deterministic 0..1 numbers from a string seed (mulberry32), so a rerun draws the same scans. */
export function seededRandom(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Renders every corpus text (or those in `only`) into `out`, one scanned file per document, replacing older renders. Returns the files written. */
export async function generateCorpusScans(options: { out: string; corpus: string; only?: string[]; log?: (line: string) => void }): Promise<string[]> {
  const { out, corpus, only, log } = options;
  await mkdir(out, { recursive: true });
  const ids = (await readdir(corpus))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => basename(f, ".txt"))
    .sort();
  const written: string[] = [];
  // The format follows the position in the whole corpus, so rendering a subset gives the same files.
  for (const [index, id] of ids.entries()) {
    if (only && !only.includes(id)) continue;
    const started = performance.now();
    const text = await readFile(join(corpus, `${id}.txt`), "utf8");
    const pages = await rasterisePdf(await renderTextPdf(text), CLEAN_LOOK.dpi);
    const format = formatFor(index, pages.length);
    for (const stale of (await readdir(out)).filter((f) => f.startsWith(`${id}.`) && !f.endsWith(".json"))) await rm(join(out, stale));
    const file = join(out, `${id}.${format}`);
    await writeFile(file, await scanPages(pages, format, scannerLook(id), id));
    written.push(file);
    log?.(`${id}.${format}: ${pages.length} page(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return written;
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const only = arg("--only")?.split(",");
  await generateCorpusScans({
    out: arg("--out") ?? ".thads/scans",
    corpus: arg("--corpus") ?? "../shared/corpus",
    ...(only ? { only } : {}),
    log: (line) => console.log(line),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
