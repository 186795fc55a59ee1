import type { SourceDocument } from "#ports/ocr-engine.ts";
import type { ExtractedCase } from "#domain/case.ts";
import { extractCase } from "#domain/extraction/extract-case.ts";
import { readDocument, type ReadDocument, type ReadDocumentDeps } from "./read-document.ts";

export interface ExtractedDocument {
  case: ExtractedCase;
  read: ReadDocument;
}

/** Reads a document and extracts its case; pages nobody could read become review reasons, not silence. */
export async function extractDocument(doc: SourceDocument, deps: ReadDocumentDeps): Promise<ExtractedDocument> {
  const read = await readDocument(doc, deps);
  const extracted = extractCase(read.text);
  if (read.unreadPages.length === 0) return { case: extracted, read };
  const pages = `${read.unreadPages.length === 1 ? "page" : "pages"} ${read.unreadPages.join(", ")}`;
  const reason = `${pages}: no usable text layer and not recognised by OCR`;
  return { case: { ...extracted, reviewReasons: [...extracted.reviewReasons, reason] }, read };
}
