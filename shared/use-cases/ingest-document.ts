import { createHash } from "node:crypto";
import type { StoredObject } from "../ports/ocr-engine.ts";
import { AsyncOcrRequired, DeferringOcr, fetchUpload, recordCase, sourceDocument, type IntakeDependencies, type IntakeOutcome } from "./intake-steps.ts";

export interface IngestRequest {
  source: StoredObject;
  /** When the object was stored (the S3 event time). */
  receivedAt: string;
}

/**
 * Turns one uploaded document into a case: reads it (text layer, else OCR), extracts the case and
 * stores it; the original stays where it is. Documents that need multi-page OCR start an
 * asynchronous job instead and become a case when it completes (completeOcrJob).
 *
 * Safe to repeat: the same bytes always map to the same case id, so a repeat is reported as a duplicate.
 */
export async function ingestDocument(request: IngestRequest, deps: IntakeDependencies): Promise<IntakeOutcome> {
  const fetched = await fetchUpload(request.source, deps);
  const { caseId, upload } = fetched;
  // Checked before OCR, which is the expensive part; the conditional write in recordCase is the real guard.
  if (await deps.cases.exists(caseId)) return { outcome: "duplicate", caseId, courtId: upload.courtId };

  let read;
  try {
    read = await deps.readDocument(sourceDocument(fetched), { ocr: new DeferringOcr(deps.ocr) });
  } catch (error) {
    if (!(error instanceof AsyncOcrRequired)) throw error;
    const source = { ...fetched.object.ref, versionId: fetched.object.ref.versionId ?? "null" };
    // One token per object version: a redelivered message gets the same job back instead of a second one.
    const jobId = await deps.ocr.startJob(source, jobToken(source));
    await deps.ocrJobs.save({ jobId, caseId, source, receivedAt: request.receivedAt });
    return { outcome: "ocr-started", caseId, courtId: upload.courtId, jobId };
  }
  return recordCase(fetched, read, request.receivedAt, deps);
}

/** Textract client request token: 64 characters of [0-9a-f], within its limit and alphabet. */
function jobToken(source: StoredObject): string {
  return createHash("sha256").update(`${source.bucket}\n${source.key}\n${source.versionId ?? ""}`).digest("hex");
}
