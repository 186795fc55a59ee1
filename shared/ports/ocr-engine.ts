/** A document handed to text recognition: its bytes and what they are. */
export interface SourceDocument {
  /** File name or object key, for messages only. */
  name: string;
  mediaType: "application/pdf" | "image/png" | "image/jpeg" | "image/tiff" | "text/plain";
  bytes: Uint8Array;
}

/** Box in page-relative units (0..1), origin top-left. */
export interface BoundingBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface TextLine {
  text: string;
  /** 0..1 */
  confidence: number;
  box: BoundingBox | null;
}

export interface PageText {
  /** 1-based. */
  pageNumber: number;
  /** Whether the text came from the PDF's own text layer or from recognition. */
  source: "text-layer" | "ocr" | "plain-text";
  lines: TextLine[];
}

/** Turns page images (or whole scanned documents) into lines of text in reading order. */
export interface OcrEngine {
  readonly name: string;
  recognize(document: SourceDocument): Promise<PageText[]>;
}
