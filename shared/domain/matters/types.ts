import type { ObligationKind, Periodicity } from "../case.ts";

/** chủ động: the agency acts on its own; theo đơn: the creditor must file a request. */
export type EnforcementMode = "ex_officio" | "on_request";

export const MODE_LABELS: Record<EnforcementMode, string> = {
  ex_officio: "Chủ động",
  on_request: "Theo đơn",
};

/** The judgment types of the statistical breakdown. */
export const JUDGMENT_TYPES = [
  "civil",
  "criminal",
  "administrative",
  "marriage_family",
  "commercial",
  "labor",
  "bankruptcy",
  "arbitration",
  "other",
] as const;
export type JudgmentType = (typeof JUDGMENT_TYPES)[number];

export const JUDGMENT_TYPE_LABELS: Record<JudgmentType, string> = {
  civil: "Dân sự",
  criminal: "Hình sự",
  administrative: "Hành chính",
  marriage_family: "Hôn nhân gia đình",
  commercial: "Kinh doanh thương mại",
  labor: "Lao động",
  bankruptcy: "Phá sản",
  arbitration: "Trọng tài",
  other: "Khác",
};

export interface PeriodicAmount {
  amountVnd: number;
  per: "month" | "year";
}

/** One obligation of the case inside a proposed matter. */
export interface ProposalLine {
  /** Position of the obligation in the extracted case. */
  obligationIndex: number;
  kind: ObligationKind;
  /** As the judgment states it: for a periodic obligation, one instalment. */
  amountVnd: number;
  periodic: Periodicity;
  /** What the line adds to tiền: the amount, or for a periodic line the instalments due at receipt. */
  countedVnd: number;
}

/** A matter the agency would open for one debtor, creditor and mode; staff accept, split or merge it. */
export interface MatterProposal {
  /** caseId plus the obligation positions it covers, so ids stay stable through split and merge. */
  id: string;
  caseId: string;
  mode: EnforcementMode;
  debtor: string;
  creditor: string;
  lines: ProposalLine[];
  /** Sum of the lines' counted amounts: the matter's tiền at thụ lý. */
  amountVnd: number;
  periodic: PeriodicAmount[];
  judgmentType: JudgmentType;
  creditInstitution: boolean;
  /** The receiving unit, null when the court could not be matched (see reviewReasons). */
  unitId: string | null;
  reviewReasons: string[];
  /** Set on a matter staff added because extraction missed it: who added it, when, and why. */
  addedBy?: { by: string; at: string; note: string };
}
