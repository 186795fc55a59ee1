/**
 * Interim reader on the AWS branch: every image or PDF goes to OCR whole; plain text passes through.
 * The full reader (PDF text layer page by page, OCR only for pages without one) replaces this file
 * at merge with the same signature.
 */
import type { OcrEngine, SourceDocument } from "../ports/ocr-engine.ts";
import type { ReadDocumentResult } from "./intake-steps.ts";

export async function readDocument(document: SourceDocument, { ocr }: { ocr: OcrEngine }): Promise<ReadDocumentResult> {
  const pages =
    document.mediaType === "text/plain"
      ? [{ pageNumber: 1, source: "plain-text" as const, lines: new TextDecoder().decode(document.bytes).split("\n").map((text) => ({ text, confidence: 1, box: null })) }]
      : await ocr.recognize(document);
  return { pages, text: pages.map((page) => page.lines.map((line) => line.text).join("\n")).join("\n\f\n") };
}
