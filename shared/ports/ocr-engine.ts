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

/** Why a document cannot be read; the same document will fail again, so it is not retried. */
export type UnreadableReason = "empty" | "truncated" | "encrypted" | "no-text" | "corrupt" | "too-large" | "unsupported";

/** The document itself cannot be read (the sender has to send another file); nothing is lost, nothing is retried. */
export class UnreadableDocumentError extends Error {
  override name = "UnreadableDocumentError";
  constructor(
    readonly documentName: string,
    readonly reason: UnreadableReason,
    detail: string,
  ) {
    super(`${documentName}: ${detail}`);
  }
}

export class EmptyDocumentError extends UnreadableDocumentError {
  override name = "EmptyDocumentError";
  constructor(documentName: string) {
    super(documentName, "empty", "the file is empty (0 bytes)");
  }
}

export class TruncatedPdfError extends UnreadableDocumentError {
  override name = "TruncatedPdfError";
  constructor(documentName: string) {
    super(documentName, "truncated", "the PDF is cut off (no end-of-file marker); it was probably not fully uploaded");
  }
}

export class EncryptedPdfError extends UnreadableDocumentError {
  override name = "EncryptedPdfError";
  constructor(documentName: string) {
    super(documentName, "encrypted", "the PDF is password-protected; ask the sender for an unprotected copy");
  }
}

/** Recognition ran but found no text: a blank page, a photo of nothing, or a scan too faint to read. */
export class NoTextFoundError extends UnreadableDocumentError {
  override name = "NoTextFoundError";
  constructor(documentName: string) {
    super(documentName, "no-text", "no text was found in the image");
  }
}

/** The bytes are not a readable file of the stated type (wrong type, damaged image or PDF). */
export class CorruptDocumentError extends UnreadableDocumentError {
  override name = "CorruptDocumentError";
  constructor(documentName: string, detail: string) {
    super(documentName, "corrupt", detail);
  }
}

/** Over what the engine accepts (Textract: 10 MB synchronous, 500 MB or 3,000 pages asynchronous). */
export class DocumentTooLargeError extends UnreadableDocumentError {
  override name = "DocumentTooLargeError";
  constructor(documentName: string, detail: string) {
    super(documentName, "too-large", detail);
  }
}

export class UnsupportedDocumentError extends UnreadableDocumentError {
  override name = "UnsupportedDocumentError";
  constructor(documentName: string, detail: string) {
    super(documentName, "unsupported", detail);
  }
}

/** The OCR engine cannot run here (program or language data missing); the message says how to install it. */
export class OcrEngineUnavailableError extends Error {
  override name = "OcrEngineUnavailableError";
}
