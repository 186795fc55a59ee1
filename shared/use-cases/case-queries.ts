import { reason } from "../domain/review-reasons.ts";
import type { AuditEntry, StoredCase } from "../domain/stored-case.ts";
import { InvalidRequestError, NotFoundError } from "../errors.ts";
import type { CaseRepository, CaseSearch, CaseSummary, Page, PageRequest } from "../ports/case-repository.ts";
import type { CorrectionNotice, MatterRepository } from "../ports/matter-repository.ts";
import type { ObjectStore, PresignedRequest } from "../ports/object-store.ts";

/**
 * A case with its correction history, oldest change first, and the notice naming the opened
 * matters its last correction may no longer match (null when none).
 */
export async function getCase(
  caseId: string,
  deps: { cases: CaseRepository; matters: MatterRepository },
): Promise<{ case: StoredCase; history: AuditEntry[]; matterNotice: CorrectionNotice | null }> {
  const [found, history, matterNotice] = await Promise.all([deps.cases.get(caseId), deps.cases.history(caseId), deps.matters.correctionNotice(caseId)]);
  if (!found) throw new NotFoundError(reason("request.case-not-found", { caseId }));
  return { case: found, history, matterNotice };
}

/** Searches cases; ranges must be the right way round. */
export async function searchCases(criteria: CaseSearch, page: PageRequest, cases: CaseRepository): Promise<Page<CaseSummary>> {
  if (criteria.dateFrom && criteria.dateTo && criteria.dateFrom > criteria.dateTo) throw new InvalidRequestError(reason("request.date-range", {}));
  if (criteria.minAmountVnd !== undefined && criteria.maxAmountVnd !== undefined && criteria.minAmountVnd > criteria.maxAmountVnd) {
    throw new InvalidRequestError(reason("request.amount-range", {}));
  }
  return cases.search(criteria, page);
}

/** A short-lived link to the exact uploaded version of a case's original document. */
export async function originalDocumentUrl(
  caseId: string,
  deps: { cases: CaseRepository; objects: ObjectStore; expiresInSeconds: number },
): Promise<PresignedRequest> {
  const found = await deps.cases.get(caseId);
  if (!found) throw new NotFoundError(reason("request.case-not-found", { caseId }));
  const { bucket, key, versionId, fileName } = found.source;
  return deps.objects.createDownloadUrl({
    ref: { bucket, key, ...(versionId !== null && { versionId }) },
    fileName,
    expiresInSeconds: deps.expiresInSeconds,
  });
}
