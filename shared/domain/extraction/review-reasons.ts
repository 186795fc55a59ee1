/**
 * What extraction asks staff to check, each naming what to look at: the field that is missing, or the amount
 * (in digits, as printed in judgments) and the item of the operative part it stands in. Codes and Vietnamese
 * texts come from the one registry, #domain/review-reasons.ts.
 */
import type { DocType } from "../case.ts";
import { reason, type Reason } from "../review-reasons.ts";
import type { UnresolvedAmount } from "./obligations.ts";

/** Below this the document type was guessed from the body, not read from a title. */
const DOC_TYPE_GUESSED = 0.6;
/** Below this the case number was read from a damaged heading. */
const CASE_NUMBER_PARTIAL = 0.5;

/** "300.000": Vietnamese digit grouping, as amounts are printed in judgments. */
export function formatVnd(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export interface DocumentFacts {
  docType: DocType;
  docTypeConfidence: number;
  caseNumber: string | null;
  caseNumberConfidence: number;
  court: string | null;
  issuedDate: string | null;
  parties: number;
  operative: boolean;
}

/** Reasons about the document as a whole: what could not be read from its heading and structure. */
export function documentReasons(facts: DocumentFacts): Reason[] {
  const reasons: Reason[] = [];
  if (facts.docType === "other") reasons.push(reason("extraction.not-a-judgment", {}));
  else if (facts.docTypeConfidence < DOC_TYPE_GUESSED) reasons.push(reason("extraction.doc-type-guessed", {}));
  if (!facts.caseNumber) reasons.push(reason("extraction.case-number-missing", {}));
  else if (facts.caseNumberConfidence < CASE_NUMBER_PARTIAL) reasons.push(reason("extraction.case-number-partial", { printed: facts.caseNumber }));
  if (!facts.court) reasons.push(reason("extraction.court-missing", {}));
  if (!facts.issuedDate) reasons.push(reason("extraction.date-missing", {}));
  if (facts.parties === 0) reasons.push(reason("extraction.parties-missing", {}));
  if (!facts.operative && facts.docType !== "other") reasons.push(reason("extraction.operative-part-missing", {}));
  return reasons;
}

const PROBLEM = {
  "no-order": "extraction.amount-unassigned",
  "no-debtor": "extraction.amount-no-debtor",
  "no-creditor": "extraction.amount-no-creditor",
} as const;

/** "Số tiền 300.000 đồng tại mục 2 chưa xác định được người phải trả/nộp". */
export function unresolvedReason(amount: UnresolvedAmount): Reason {
  const where = amount.item ? ` tại mục ${amount.item.replace(/^dieu/i, "Điều")}` : " trong phần quyết định";
  return reason(PROBLEM[amount.problem], { amount: formatVnd(amount.amountVnd), where });
}

/** What a reviewer should check about an amount read as an obligation (as printed, before amounts are summed). */
export type ObligationDoubt = { kind: "creditor-inferred"; amountVnd: number } | { kind: "words-disagree"; amountVnd: number; spelled: number };

/** A doubt about an obligation that was read, naming the amount as the document prints it. */
export function obligationReason(doubt: ObligationDoubt): Reason {
  return doubt.kind === "creditor-inferred"
    ? reason("extraction.creditor-inferred", { amount: formatVnd(doubt.amountVnd) })
    : reason("extraction.words-disagree", { amount: formatVnd(doubt.amountVnd), spelled: formatVnd(doubt.spelled) });
}
