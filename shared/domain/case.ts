/** The extracted case: the contract in ../shared/contract/case.schema.json plus confidence and evidence. */

export type DocType = "judgment" | "decision" | "other";
export type CaseCategory =
  | "civil"
  | "commercial"
  | "marriage_family"
  | "criminal"
  | "labor"
  | "administrative"
  | "bankruptcy"
  | "other";
export type PartyRole =
  | "plaintiff"
  | "defendant"
  | "related"
  | "defendant_criminal"
  | "victim"
  | "petitioner"
  | "respondent"
  | "other";
export type PartyKind = "person" | "organization";
export type ObligationKind =
  | "principal"
  | "interest"
  | "compensation"
  | "child_support"
  | "court_fee"
  | "fine"
  | "confiscation"
  | "other";
export type Periodicity = "month" | "year" | null;

/** Where in the source text a value was read: character offsets and 1-based line number. */
export interface Evidence {
  start: number;
  end: number;
  line: number;
  text: string;
}

export interface Party {
  name: string;
  role: PartyRole;
  kind: PartyKind;
  confidence: number;
  evidence: Evidence | null;
}

export const STATE_BUDGET = "state budget";

export interface Obligation {
  debtor: string;
  creditor: string;
  amountVnd: number;
  kind: ObligationKind;
  periodic: Periodicity;
  confidence: number;
  evidence: Evidence | null;
}

export type ScalarField = "docType" | "caseNumber" | "issuedDate" | "court" | "caseCategory" | "subject" | "creditInstitutionInvolved";

export interface ExtractedCase {
  docType: DocType;
  caseNumber: string | null;
  issuedDate: string | null;
  court: string | null;
  caseCategory: CaseCategory;
  subject: string | null;
  parties: Party[];
  obligations: Obligation[];
  creditInstitutionInvolved: boolean;
  /** 0..1 per scalar field: how sure the extractor is. */
  confidence: Record<ScalarField, number>;
  /** The text each scalar field was read from, when it was read rather than defaulted. */
  evidence: Partial<Record<ScalarField, Evidence>>;
  /**
   * Amounts of the operative part that are not obligations, each with why (an advance already paid, a rejected
   * claim, a total of parts counted, ...): with the obligations and the review reasons they account for every amount.
   */
  amountsNotOrdered?: Array<{ amountVnd: number; reason: string; evidence: Evidence }>;
  /** Why staff should look at this case, in Vietnamese; empty when the extractor is confident. */
  reviewReasons: string[];
  /**
   * The stable code of each review reason, at the same position (#domain/review-reasons.ts); "uncoded" for a reason
   * that came without one. Absent when the extractor gave none.
   */
  reviewCodes?: string[];
  /**
   * For a judgment of a higher court (cấp cao, tối cao): the first-instance court it names, which decides the
   * receiving agency. Absent when extraction did not look for it.
   */
  firstInstanceCourt?: string | null;
}
