import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { OcrEngine, PageText, SourceDocument } from "#ports/ocr-engine.ts";
import { generateCorpusScans } from "../../scripts/make-scans.ts";

export const CORPUS_DIR = "../shared/corpus";
export const SCANS_DIR = ".thads/scans";
const ADAPTER_SOURCES = ["shared/adapters/local/tesseract-ocr.ts", "shared/adapters/reading-order.ts"];

const MEDIA_TYPES: Record<string, SourceDocument["mediaType"]> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".tif": "image/tiff",
};

export async function loadDocument(file: string): Promise<SourceDocument> {
  const mediaType = MEDIA_TYPES[extname(file)];
  if (!mediaType) throw new Error(`not a scan: ${file}`);
  return { name: basename(file), mediaType, bytes: await readFile(file) };
}

/** Ids of the kit corpus documents (those with a text and a gold annotation). */
export async function corpusIds(): Promise<string[]> {
  return (await readdir(CORPUS_DIR)).filter((f) => f.endsWith(".txt")).map((f) => basename(f, ".txt")).sort();
}

/** The scanned rendering of each listed corpus document (id → file), rendering those not there yet. */
export async function corpusScans(ids: string[]): Promise<Map<string, string>> {
  const find = async () => {
    const files = existsSync(SCANS_DIR) ? await readdir(SCANS_DIR) : [];
    return new Map(
      ids.flatMap((id) => {
        const file = files.find((f) => f.startsWith(`${id}.`) && extname(f) in MEDIA_TYPES);
        return file ? [[id, join(SCANS_DIR, file)] as const] : [];
      }),
    );
  };
  const found = await find();
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return found;
  await generateCorpusScans({ out: SCANS_DIR, corpus: CORPUS_DIR, only: missing });
  return find();
}

/** Page texts as one document: lines in order, one per text line. */
export const pagesToText = (pages: PageText[]) => pages.map((page) => page.lines.map((line) => line.text).join("\n")).join("\n");

/**
 * OCR of one scan, cached beside it (FILE.ocr.json, keyed by the scan, the engine and the adapter's code) so that
 * reruns of the corpus tests do not recognise 80 pages again. Returns the text and whether it was cached.
 */
export async function cachedOcrText(engine: OcrEngine, file: string): Promise<{ text: string; cached: boolean }> {
  const hash = createHash("sha256").update(engine.name).update(await readFile(file));
  // A change to the adapter or its line ordering makes the cached text stale.
  for (const source of ADAPTER_SOURCES) hash.update(await readFile(source));
  const key = hash.digest("hex");
  const cacheFile = `${file.slice(0, -extname(file).length)}.ocr.json`;
  if (existsSync(cacheFile)) {
    const cache = JSON.parse(await readFile(cacheFile, "utf8")) as { key: string; text: string };
    if (cache.key === key) return { text: cache.text, cached: true };
  }
  const text = pagesToText(await engine.recognize(await loadDocument(file)));
  await writeFile(cacheFile, JSON.stringify({ key, text }));
  return { text, cached: false };
}
