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
  /** When known (the S3 event carries it): checked against the engine's limits before a job is started. */
  sizeBytes?: number;
  /** When known: checked against the engine's page limit before a job is started. */
  pageCount?: number;
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
export abstract class UnreadableDocumentError extends Error {
  abstract readonly reason: UnreadableReason;
  constructor(
    readonly documentName: string,
    detail: string,
  ) {
    super(`${documentName}: ${detail}`);
  }
}

export class EmptyDocumentError extends UnreadableDocumentError {
  override name = "EmptyDocumentError";
  readonly reason = "empty";
  constructor(documentName: string) {
    super(documentName, "the file is empty (0 bytes)");
  }
}

export class TruncatedPdfError extends UnreadableDocumentError {
  override name = "TruncatedPdfError";
  readonly reason = "truncated";
  constructor(documentName: string) {
    super(documentName, "the PDF is cut off (no end-of-file marker); it was probably not fully uploaded");
  }
}

export class EncryptedPdfError extends UnreadableDocumentError {
  override name = "EncryptedPdfError";
  readonly reason = "encrypted";
  constructor(documentName: string) {
    super(documentName, "the PDF is password-protected; ask the sender for an unprotected copy");
  }
}

/** Recognition ran but found no text: a blank page, a photo of nothing, or a scan too faint to read. */
export class NoTextFoundError extends UnreadableDocumentError {
  override name = "NoTextFoundError";
  readonly reason = "no-text";
  constructor(documentName: string) {
    super(documentName, "no text was found in the image");
  }
}

/** The bytes are not a readable file of the stated type (wrong type, damaged image or PDF). */
export class CorruptDocumentError extends UnreadableDocumentError {
  override name = "CorruptDocumentError";
  readonly reason = "corrupt";
}

/** Over what the engine accepts (Textract: 10 MB synchronous, 500 MB or 3,000 pages asynchronous). */
export class DocumentTooLargeError extends UnreadableDocumentError {
  override name = "DocumentTooLargeError";
  readonly reason = "too-large";
}

export class UnsupportedDocumentError extends UnreadableDocumentError {
  override name = "UnsupportedDocumentError";
  readonly reason = "unsupported";
}

/** The OCR engine cannot run here (program or language data missing); the message says how to install it. */
export class OcrEngineUnavailableError extends Error {
  override name = "OcrEngineUnavailableError";
}
