import { UnreadableDocumentError } from "../domain/document/unreadable-document-error.ts";
import type { StoredObject } from "../ports/ocr-engine.ts";
import {
  AsyncOcrRequired,
  DeferringOcr,
  fetchUpload,
  recordCase,
  recordUnreadable,
  recordUploadFate,
  sourceDocument,
  type IntakeDependencies,
  type IntakeOutcome,
} from "./intake-steps.ts";

export interface IngestRequest {
  source: StoredObject;
  /** When the object was stored (the S3 event time). */
  receivedAt: string;
}

/**
 * Turns one uploaded document into a case: reads it (text layer, else OCR), extracts the case and
 * stores it; the original stays where it is. Documents that need multi-page OCR start an
 * asynchronous job instead and become a case when it completes (completeOcrJob). A document that
 * cannot be read (empty, damaged, encrypted, blank...) becomes a case flagged for review with the
 * reason: retrying would fail the same way.
 *
 * Safe to repeat: the same bytes always map to the same case id, so a repeat is reported as a duplicate.
 */
export async function ingestDocument(request: IngestRequest, deps: IntakeDependencies): Promise<IntakeOutcome> {
  const fetched = await fetchUpload(request.source, deps);
  const { caseId, upload } = fetched;
  // Checked before OCR, which is the expensive part; the conditional write in recordCase is the real guard.
  if (await deps.cases.exists(caseId)) return recordUploadFate(fetched, request.receivedAt, { outcome: "duplicate", caseId, courtId: upload.courtId }, deps);

  let extracted;
  try {
    extracted = await deps.extractDocument(sourceDocument(fetched), { ocr: new DeferringOcr(deps.ocr, deps.ocr.recognizesInline) });
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return recordUnreadable(fetched, error, request.receivedAt, deps);
    if (!(error instanceof AsyncOcrRequired)) throw error;
    const source = { ...fetched.object.ref, versionId: fetched.object.ref.versionId ?? "null", sizeBytes: fetched.object.sizeBytes };
    try {
      const jobId = await deps.ocr.startJob(source, error.pages);
      await deps.ocrJobs.save({ jobId, caseId, source, receivedAt: request.receivedAt });
      return recordUploadFate(fetched, request.receivedAt, { outcome: "ocr-started", caseId, courtId: upload.courtId, jobId }, deps);
    } catch (refused) {
      // Over the engine's limits for a job: no later attempt does better.
      if (refused instanceof UnreadableDocumentError) return recordUnreadable(fetched, refused, request.receivedAt, deps);
      throw refused;
    }
  }
  return recordCase(fetched, extracted, request.receivedAt, deps);
}
