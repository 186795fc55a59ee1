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

export interface RecognizeOptions {
  /** For PDFs: only these 1-based pages (the others have a usable text layer). All pages when absent. */
  pages?: number[];
}

/** Turns page images (or whole scanned documents) into lines of text in reading order. */
export interface OcrEngine {
  readonly name: string;
  recognize(document: SourceDocument, options?: RecognizeOptions): Promise<PageText[]>;
}

/** Where a stored document lives, for engines that read it in place (Textract's asynchronous API). */
export interface StoredObject {
  bucket: string;
  key: string;
  versionId?: string;
}

/** An engine that can also run long multi-page jobs that finish later (Textract StartDocumentTextDetection). */
export interface AsyncOcrEngine extends OcrEngine {
  /** Starts recognition of a stored document; the same clientToken never starts a second job. Returns the job id. */
  startJob(document: StoredObject, clientToken: string): Promise<string>;
  /** Reads all result pages of a finished job. Throws OcrJobFailedError when the job failed. */
  collectJob(jobId: string): Promise<PageText[]>;
}

/** The engine finished a job without text: the job status was FAILED (or similar). */
export class OcrJobFailedError extends Error {
  override name = "OcrJobFailedError";
  constructor(readonly jobId: string, reason: string) {
    super(`OCR job ${jobId} failed: ${reason}`);
  }
}
