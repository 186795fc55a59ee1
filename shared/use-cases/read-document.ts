import type { OcrEngine, PageText, SourceDocument } from "#ports/ocr-engine.ts";
import type { PdfTextLayer } from "#ports/pdf-text-layer.ts";
import { decodeText } from "#domain/document/decode-text.ts";
import { assertImageWithinLimits } from "#domain/document/document-limits.ts";
import { sniffMediaType, type ReadableMediaType } from "#domain/document/media-type.ts";
import { judgeTextLayer } from "#domain/document/text-layer-quality.ts";
import {
  CorruptDocumentError,
  EmptyDocumentError,
  NeedsOcrError,
  NoTextFoundError,
  UnsupportedDocumentError,
} from "#domain/document/unreadable-document-error.ts";

export interface ReadDocumentDeps {
  /** Recognises scanned pages and images; without it such documents are refused with reason "needs-ocr". */
  ocr?: OcrEngine;
  /** Reads digital PDFs' own text (pdf.js, given by the composition roots: intake dependencies, the CLI). */
  pdf: PdfTextLayer;
}

export interface ReadDocument {
  /** What the bytes turned out to be, whatever the document claimed. */
  mediaType: ReadableMediaType;
  pages: PageText[];
  /** All pages' lines. Between pages stands a line holding only a form feed ("\f", pdftotext's page break). */
  text: string;
  /** Pages whose text layer was unusable and that no OCR engine could read: their text is missing or poor. */
  unreadPages: number[];
}

const PAGE_SEPARATOR = "\n\f\n";

const pageText = (page: PageText): string => page.lines.map((line) => line.text).join("\n");

/** Extensions that promise a binary type, and what to call it in a message. */
const PROMISED_BY_EXTENSION: Record<string, string> = {
  pdf: "PDF",
  png: "PNG image",
  jpg: "JPEG image",
  jpeg: "JPEG image",
  tif: "TIFF image",
  tiff: "TIFF image",
};

/**
 * What a document is, from its bytes. A name whose extension promises a known binary type but whose bytes
 * do not match is a damaged file, not merely an unsupported one.
 */
export function detectMediaType(name: string, bytes: Uint8Array): ReadableMediaType {
  if (bytes.length === 0) throw new EmptyDocumentError();
  const guess = sniffMediaType(bytes);
  if (guess.readable) return guess.mediaType;
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  const promised = PROMISED_BY_EXTENSION[extension];
  if (promised) {
    throw new CorruptDocumentError(`named .${extension} but the content is not a ${promised} (damaged or renamed)`);
  }
  throw new UnsupportedDocumentError(`unsupported file type: ${guess.looksLike}`);
}

/** OCR engines may return decomposed Vietnamese; everything downstream expects NFC. */
const inNfc = (pages: PageText[]): PageText[] =>
  pages.map((page) => ({ ...page, lines: page.lines.map((line) => ({ ...line, text: line.text.normalize("NFC") })) }));

async function readPdf(doc: SourceDocument, deps: ReadDocumentDeps): Promise<{ pages: PageText[]; unreadPages: number[] }> {
  const layer = await deps.pdf.readPages(doc.bytes);
  const weak = layer.filter((page) => !judgeTextLayer(pageText(page)).usable).map((page) => page.pageNumber);
  if (weak.length === 0) return { pages: layer, unreadPages: [] };
  if (!deps.ocr) {
    if (weak.length === layer.length) throw new NeedsOcrError("PDF has no usable text layer (a scan?)");
    // Some pages are fine: keep the document and say which pages nobody read.
    return { pages: layer, unreadPages: weak };
  }
  const recognised = new Map(inNfc(await deps.ocr.recognize(doc, { pages: weak })).map((page) => [page.pageNumber, page]));
  return {
    pages: layer.map((page) => recognised.get(page.pageNumber) ?? page),
    unreadPages: weak.filter((n) => !recognised.has(n)),
  };
}

function readPlainText(bytes: Uint8Array): PageText[] {
  const lines = decodeText(bytes)
    .split("\n")
    .map((text) => ({ text, confidence: 1, box: null }));
  return [{ pageNumber: 1, source: "plain-text", lines }];
}

/**
 * Turns a document into text, page by page: plain text is decoded, a digital PDF's text layer is read, and
 * what only an image holds (scanned pages, PNG/JPEG/TIFF) goes to OCR. The type is sniffed from the bytes;
 * the declared media type is not trusted. Throws an UnreadableDocumentError (with its reason code) when it cannot be read.
 */
export async function readDocument(doc: SourceDocument, deps: ReadDocumentDeps): Promise<ReadDocument> {
  const mediaType = detectMediaType(doc.name, doc.bytes);
  const actual: SourceDocument = { ...doc, mediaType };
  let pages: PageText[];
  let unreadPages: number[] = [];
  if (mediaType === "text/plain") pages = readPlainText(doc.bytes);
  else if (mediaType === "application/pdf") ({ pages, unreadPages } = await readPdf(actual, deps));
  else {
    assertImageWithinLimits(mediaType, doc.bytes);
    if (!deps.ocr) throw new NeedsOcrError("an image can only be read by OCR");
    pages = inNfc(await deps.ocr.recognize(actual));
  }

  const text = pages.map(pageText).join(PAGE_SEPARATOR);
  if (!/\p{L}/u.test(text)) throw new NoTextFoundError();
  return { mediaType, pages, text, unreadPages };
}
