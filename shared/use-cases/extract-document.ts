import type { SourceDocument } from "#ports/ocr-engine.ts";
import type { ExtractedCase } from "#domain/case.ts";
import { extractCase } from "#domain/extraction/extract-case.ts";
import { reason, withReasons } from "#domain/review-reasons.ts";
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
  return { case: withReasons(extracted, [reason("document.pages-unread", { pages: read.unreadPages.join(", ") })]), read };
}
