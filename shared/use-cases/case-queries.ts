import type { Caller } from "../domain/access.ts";
import { reason } from "../domain/review-reasons.ts";
import type { AuditEntry, CaseStatus, StoredCase } from "../domain/stored-case.ts";
import { ForbiddenError, InvalidRequestError, NotFoundError } from "../errors.ts";
import type { CaseRepository, CaseSearch, CaseSummary, Page, PageRequest, UploadRecord } from "../ports/case-repository.ts";
import type { CorrectionNotice, MatterRepository } from "../ports/matter-repository.ts";
import type { ObjectStore, PresignedRequest } from "../ports/object-store.ts";
import { assertUnitAccess, scopedUnit } from "./access.ts";

/** A stored case the caller may read (its unit is the agency that received it); NotFoundError or ForbiddenError otherwise. */
async function readableCase(caseId: string, cases: CaseRepository, caller: Caller): Promise<StoredCase> {
  const found = await cases.get(caseId);
  if (!found) throw new NotFoundError(reason("request.case-not-found", { caseId }));
  assertUnitAccess(caller, found.agencyId, "read");
  return found;
}

/**
 * A case with its correction history, oldest change first, and the notice naming the opened
 * matters its last correction may no longer match (null when none), for a caller who may read it.
 */
export async function getCase(
  caseId: string,
  deps: { cases: CaseRepository; matters: MatterRepository },
  caller: Caller,
): Promise<{ case: StoredCase; history: AuditEntry[]; matterNotice: CorrectionNotice | null }> {
  const [found, history] = await Promise.all([readableCase(caseId, deps.cases, caller), deps.cases.history(caseId)]);
  // read once the caller may see the case
  return { case: found, history, matterNotice: await deps.matters.correctionNotice(caseId) };
}

/** Searches the cases of the caller's unit (a leader's: any unit); ranges must be the right way round. */
export async function searchCases(asked: CaseSearch, page: PageRequest, cases: CaseRepository, caller: Caller): Promise<Page<CaseSummary>> {
  const agencyId = scopedUnit(caller, asked.agencyId);
  const criteria = { ...asked, ...(agencyId !== undefined && { agencyId }) };
  if (criteria.dateFrom && criteria.dateTo && criteria.dateFrom > criteria.dateTo) throw new InvalidRequestError(reason("request.date-range", {}));
  if (criteria.minAmountVnd !== undefined && criteria.maxAmountVnd !== undefined && criteria.minAmountVnd > criteria.maxAmountVnd) {
    throw new InvalidRequestError(reason("request.amount-range", {}));
  }
  return cases.search(criteria, page);
}

/** The calling court's own uploads, newest first, and what became of each; nobody else has uploads to list. */
export async function courtUploads(caller: Caller, page: PageRequest, cases: CaseRepository): Promise<Page<UploadRecord & { caseStatus: CaseStatus | null }>> {
  if (caller.role !== "court" || caller.courtId === undefined) throw new ForbiddenError(reason("request.not-court-uploader", {}));
  return cases.uploadsOf(caller.courtId, page);
}

/** A short-lived link to the exact uploaded version of a case's original document. */
export async function originalDocumentUrl(
  caseId: string,
  deps: { cases: CaseRepository; objects: ObjectStore; expiresInSeconds: number },
  caller: Caller,
): Promise<PresignedRequest> {
  const found = await readableCase(caseId, deps.cases, caller);
  const { bucket, key, versionId, fileName } = found.source;
  return deps.objects.createDownloadUrl({
    ref: { bucket, key, ...(versionId !== null && { versionId }) },
    fileName,
    expiresInSeconds: deps.expiresInSeconds,
  });
}
