import { UnreadableDocumentError } from "../domain/document/unreadable-document-error.ts";
import { reason } from "../domain/review-reasons.ts";
import { UnknownOcrJobError } from "../errors.ts";
import { OcrJobFailedError, type PageText } from "../ports/ocr-engine.ts";
import { CollectedOcr, fetchUpload, recordCase, recordUnreadable, sourceDocument, type IntakeDependencies, type IntakeOutcome } from "./intake-steps.ts";

/** What the OCR service reports when an asynchronous job ends. */
export interface OcrJobNotice {
  jobId: string;
  status: string;
}

export const OCR_FAILED_REASON = reason("document.ocr-failed", {});

/**
 * Finishes a document whose OCR ran as an asynchronous job: merges the job's pages with the
 * document's own text layer, extracts the case and stores it. A failed job, or pages with no text, still
 * yield a case (from the text layer, if any) flagged for review, so the upload is never silently lost.
 */
export async function completeOcrJob(notice: OcrJobNotice, deps: IntakeDependencies): Promise<IntakeOutcome> {
  const job = await deps.ocrJobs.get(notice.jobId);
  if (!job) throw new UnknownOcrJobError(notice.jobId);

  const fetched = await fetchUpload(job.source, deps);
  let pages: PageText[] = [];
  let failed = notice.status !== "SUCCEEDED";
  if (!failed) {
    try {
      pages = await deps.ocr.collectJob(notice.jobId);
    } catch (error) {
      if (error instanceof OcrJobFailedError) failed = true;
      // Recognised, but no text on any page: the text layer, if any, is all there is to read.
      else if (!(error instanceof UnreadableDocumentError)) throw error;
    }
  }
  let outcome: IntakeOutcome;
  try {
    // After a failure the text-layer pages, if any, are still worth reading.
    const extracted = await deps.extractDocument(sourceDocument(fetched), { ocr: new CollectedOcr(pages) });
    outcome = await recordCase(fetched, extracted, job.receivedAt, deps, failed ? [OCR_FAILED_REASON] : []);
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
    // Nothing readable: after a failed job that is the failure's doing, and saying so is the useful reason.
    outcome = await recordUnreadable(fetched, error, job.receivedAt, deps, failed ? [OCR_FAILED_REASON] : undefined);
  }
  await deps.ocrJobs.remove(notice.jobId);
  return outcome;
}
