/**
 * Errors the application raises on purpose. Each has a `name`, so logs and the HTTP edge can tell
 * them apart; the edge maps them to status codes (adapters/aws/lambda-handler.ts), nothing else does.
 */
import { reason, type Reason, type ReasonCode } from "./domain/review-reasons.ts";

/** A refusal the caller reads: its message is the Vietnamese text of a registry reason, `code` its stable code. */
export abstract class RefusalError extends Error {
  readonly code: ReasonCode;
  constructor(refusal: Reason) {
    super(refusal.message);
    this.code = refusal.code;
  }
}

/** The request is malformed or asks for something the system cannot do (HTTP 400). */
export class InvalidRequestError extends RefusalError {
  override name = "InvalidRequestError";
}

/** The caller is authenticated but not allowed to do this (HTTP 403). */
export class ForbiddenError extends RefusalError {
  override name = "ForbiddenError";
}

/** The thing asked for does not exist (HTTP 404). */
export class NotFoundError extends RefusalError {
  override name = "NotFoundError";
}

/** A change was based on an older version of the record than the stored one (HTTP 412). */
export class VersionConflictError extends RefusalError {
  override name = "VersionConflictError";
  constructor(readonly caseId: string, readonly expectedVersion: number) {
    super(reason("request.version-conflict", { caseId, version: expectedVersion }));
  }
}

/** The change cannot be made to the record as it stands: a lifecycle rule refuses it, or another change got there first (HTTP 409). */
export class ConflictError extends RefusalError {
  override name = "ConflictError";
}

/** A change must say which version it is based on (HTTP 428). */
export class PreconditionRequiredError extends RefusalError {
  override name = "PreconditionRequiredError";
}

/**
 * An object that did not come through an upload URL: outside the court upload layout (no court to file it under) or
 * over the size limit the URL enforces. Its message fails until it reaches the dead-letter queue and its alarm; the
 * object stays in S3. A court's upload that cannot be read is not this: see UnreadableDocumentError
 * (#domain/document/unreadable-document-error.ts), which becomes a case for review.
 */
export class UnexpectedUploadError extends Error {
  override name = "UnexpectedUploadError";
}

/** A completion notice names an OCR job that intake never recorded (or that was already finished). */
export class UnknownOcrJobError extends Error {
  override name = "UnknownOcrJobError";
  constructor(readonly jobId: string) {
    super(`No pending OCR job ${jobId}`);
  }
}

/** The function's environment is missing or has invalid settings; raised at cold start. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
  constructor(scope: string, readonly invalidSettings: string[]) {
    super(`${scope}: missing or invalid settings: ${invalidSettings.join(", ")}`);
  }
}
