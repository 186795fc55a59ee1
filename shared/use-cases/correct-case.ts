import type { Caller } from "../domain/access.ts";
import { assertUnitAccess } from "./access.ts";
import { z } from "zod";
import type { CaseCategory, DocType, ExtractedCase, ObligationKind, PartyKind, PartyRole, ScalarField } from "../domain/case.ts";
import { reason as refusal, reviewCodesOf } from "../domain/review-reasons.ts";
import { totalAmountVnd, type AuditEntry, type StoredCase } from "../domain/stored-case.ts";
import { NotFoundError, VersionConflictError } from "../errors.ts";
import type { CaseRepository } from "../ports/case-repository.ts";

/** Lists every member of a string union; compilation fails when one is missing. */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(...values: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })) =>
    values as unknown as readonly [T, ...T[]];
}

const docTypes = allOf<DocType>()("judgment", "decision", "other");
const categories = allOf<CaseCategory>()("civil", "commercial", "marriage_family", "criminal", "labor", "administrative", "bankruptcy", "other");
const roles = allOf<PartyRole>()("plaintiff", "defendant", "related", "defendant_criminal", "victim", "petitioner", "respondent", "other");
const partyKinds = allOf<PartyKind>()("person", "organization");
const obligationKinds = allOf<ObligationKind>()("principal", "interest", "compensation", "child_support", "court_fee", "fine", "confiscation", "other");

const shortText = z.string().trim().min(1).max(500);

/** What staff may change on a case, all optional; a field present replaces the stored value. */
export const CaseChangesSchema = z
  .object({
    docType: z.enum(docTypes),
    caseNumber: shortText.nullable(),
    issuedDate: z.iso.date().nullable(),
    court: shortText.nullable(),
    caseCategory: z.enum(categories),
    subject: z.string().trim().max(2000).nullable(),
    creditInstitutionInvolved: z.boolean(),
    parties: z.array(z.object({ name: shortText, role: z.enum(roles), kind: z.enum(partyKinds) })).max(100),
    obligations: z
      .array(
        z.object({
          debtor: shortText,
          creditor: shortText,
          amountVnd: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
          kind: z.enum(obligationKinds),
          periodic: z.enum(["month", "year"]).nullable(),
        }),
      )
      .max(500),
  })
  .partial()
  .strict();

export const CaseCorrectionSchema = z.object({
  /** Why the change was made; kept in the audit entry. */
  reason: z.string().trim().min(3).max(1000),
  changes: CaseChangesSchema,
  /** verified (default): staff checked the case; needs_review: keep it in the queue. */
  status: z.enum(["verified", "needs_review"]).default("verified"),
});
export type CaseCorrection = z.infer<typeof CaseCorrectionSchema>;

export interface CorrectionRequest {
  caseId: string;
  /** The version the caller read (its ETag); the change applies only onto that version. */
  expectedVersion: number;
  correction: CaseCorrection;
  /** Staff of the case's unit; their user name is recorded in the audit entry. */
  caller: Caller;
}

const SCALAR_FIELDS: readonly ScalarField[] = ["docType", "caseNumber", "issuedDate", "court", "caseCategory", "subject", "creditInstitutionInvolved"];

function isScalarField(field: string): field is ScalarField {
  return (SCALAR_FIELDS as readonly string[]).includes(field);
}

/**
 * Applies a staff correction as a new version of the case, with an audit entry saying who changed
 * what, from what, and why. Optimistic locking: two people editing the same version cannot both win;
 * the second gets VersionConflictError and must reload.
 */
export async function correctCase(request: CorrectionRequest, deps: { cases: CaseRepository; now: () => Date }): Promise<StoredCase> {
  const current = await deps.cases.get(request.caseId);
  if (!current) throw new NotFoundError(refusal("request.case-not-found", { caseId: request.caseId }));
  assertUnitAccess(request.caller, current.agencyId, "change");
  if (current.version !== request.expectedVersion) throw new VersionConflictError(request.caseId, request.expectedVersion);

  const { changes: requested, reason, status } = request.correction;
  const at = deps.now().toISOString();
  const { parties, obligations: orderedAmounts, ...scalars } = requested;
  const corrected: Partial<ExtractedCase> = {
    ...scalars,
    ...(parties && { parties: parties.map((party) => ({ ...party, confidence: 1, evidence: null })) }),
    ...(orderedAmounts && { obligations: orderedAmounts.map((obligation) => ({ ...obligation, confidence: 1, evidence: null })) }),
  };
  const changes = Object.entries(corrected)
    .filter(([field, value]) => JSON.stringify(current[field as keyof ExtractedCase]) !== JSON.stringify(value))
    .map(([field, after]) => ({ field, before: current[field as keyof ExtractedCase], after }));
  if (status !== current.status) changes.push({ field: "status", before: current.status, after: status });

  // A value staff set is certain, and no longer read from the text.
  const confidence = { ...current.confidence };
  const evidence = { ...current.evidence };
  for (const { field } of changes) {
    if (!isScalarField(field)) continue;
    confidence[field] = 1;
    delete evidence[field];
  }
  const obligations = corrected.obligations ?? current.obligations;
  const updated: StoredCase = {
    ...current,
    ...corrected,
    confidence,
    evidence,
    obligations,
    totalAmountVnd: totalAmountVnd(obligations),
    status,
    reviewReasons: status === "verified" ? [] : current.reviewReasons,
    reviewCodes: status === "verified" ? [] : reviewCodesOf(current),
    version: current.version + 1,
    updatedAt: at,
  };
  const audit: AuditEntry = { caseId: current.caseId, version: updated.version, at, by: request.caller.id, reason, changes };
  await deps.cases.saveCorrection(updated, audit);
  return updated;
}
