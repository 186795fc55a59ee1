import type { PageText } from "./ocr-engine.ts";

/** Reads the text a digital PDF carries itself (its text layer), page by page. */
export interface PdfTextLayer {
  /**
   * One entry per page, in page order, `source: "text-layer"`, lines in reading order (a page without
   * text has no lines). Throws an UnreadableDocumentError (encrypted, truncated, corrupt) when the PDF cannot be opened.
   */
  readPages(bytes: Uint8Array): Promise<PageText[]>;
}
