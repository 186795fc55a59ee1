import { reason, type Reason } from "../review-reasons.ts";

/**
 * Why a document could not be turned into text. Each is the document's own fault, so the same bytes fail the
 * same way again: nothing retries them, the sender is told (CLI) or the upload is kept for review (intake).
 * - `empty`: no bytes at all;
 * - `unsupported-type`: not a PDF, PNG, JPEG, TIFF or UTF-8/UTF-16 text file (or a kind an OCR engine does not take);
 * - `corrupt`: claims to be a known type but is damaged;
 * - `truncated`: a PDF cut off before its end, usually an upload that did not finish;
 * - `encrypted`: a PDF that needs a password to open;
 * - `too-large`: over what the OCR engine accepts (Textract: 10 MB for one page, 500 MB or 3,000 pages for a job);
 * - `needs-ocr`: only recognition could read it (scan, image) and no OCR engine is configured;
 * - `no-text`: read fine, but holds no text (a blank page, a photo of nothing, a scan too faint to read).
 */
export type UnreadableReason =
  | "empty"
  | "unsupported-type"
  | "corrupt"
  | "truncated"
  | "encrypted"
  | "too-large"
  | "needs-ocr"
  | "no-text";

/** The review reason (code and Vietnamese text) for a document that could not be read; the English message is for logs. */
export function unreadableReason(error: UnreadableDocumentError): Reason {
  return reason(`document.${error.reason}`, {});
}

/**
 * A document that cannot be read into text: one class per reason below, all caught as this one. The message is
 * one line fit to show the person who sent the file; it never names the file (callers know which one they passed,
 * and file names may carry party names).
 */
export abstract class UnreadableDocumentError extends Error {
  abstract readonly reason: UnreadableReason;
}

export class EmptyDocumentError extends UnreadableDocumentError {
  override name = "EmptyDocumentError";
  readonly reason = "empty";
  constructor() {
    super("file is empty (0 bytes)");
  }
}

export class UnsupportedDocumentError extends UnreadableDocumentError {
  override name = "UnsupportedDocumentError";
  readonly reason = "unsupported-type";
}

/** The bytes are not a readable file of the type they claim (damaged image or PDF, wrong extension). */
export class CorruptDocumentError extends UnreadableDocumentError {
  override name = "CorruptDocumentError";
  readonly reason = "corrupt";
}

export class TruncatedPdfError extends UnreadableDocumentError {
  override name = "TruncatedPdfError";
  readonly reason = "truncated";
  constructor() {
    super("PDF is truncated (no end-of-file marker): it was probably not fully uploaded; send the complete file");
  }
}

export class EncryptedPdfError extends UnreadableDocumentError {
  override name = "EncryptedPdfError";
  readonly reason = "encrypted";
  constructor(options?: ErrorOptions) {
    super("PDF is password-protected; send an unprotected copy", options);
  }
}

export class DocumentTooLargeError extends UnreadableDocumentError {
  override name = "DocumentTooLargeError";
  readonly reason = "too-large";
}

export class NeedsOcrError extends UnreadableDocumentError {
  override name = "NeedsOcrError";
  readonly reason = "needs-ocr";
  constructor(what: string) {
    super(`${what} and no OCR engine is configured`);
  }
}

export class NoTextFoundError extends UnreadableDocumentError {
  override name = "NoTextFoundError";
  readonly reason = "no-text";
  constructor(where = "the document") {
    super(`no text found in ${where}`);
  }
}
