/**
 * Why a document could not be turned into text:
 * - `empty`: no bytes at all;
 * - `unsupported-type`: not a PDF, PNG, JPEG, TIFF or UTF-8/UTF-16 text file;
 * - `encrypted`: a PDF that needs a password to open;
 * - `corrupt`: claims to be a known type but is damaged or truncated;
 * - `needs-ocr`: only recognition could read it (scan, image) and no OCR engine is configured;
 * - `no-text`: read fine, but holds no text at all.
 */
export type UnreadableReason = "empty" | "unsupported-type" | "encrypted" | "corrupt" | "needs-ocr" | "no-text";

/** A document that cannot be read into text. The message is one line, fit to show to the person who sent it. */
export class UnreadableDocumentError extends Error {
  override name = "UnreadableDocumentError";
  constructor(
    readonly reason: UnreadableReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
