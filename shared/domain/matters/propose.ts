import { STATE_BUDGET, type CaseCategory, type ExtractedCase, type Obligation, type ObligationKind } from "../case.ts";
import { assignAgency } from "../agencies/assign-agency.ts";
import type { AgencyDirectory } from "../agencies/directory.ts";
import { reason, type Reason } from "../review-reasons.ts";
import { foldVietnamese } from "../text/fold.ts";
import { instalmentsDue } from "./periodic.ts";
import type { EnforcementMode, JudgmentType, MatterProposal, PeriodicAmount, ProposalLine } from "./types.ts";

const EX_OFFICIO_KINDS = new Set(["court_fee", "fine", "confiscation"]);

/**
 * Ex officio (chủ động): court fees, fines, confiscation and anything paid to or refunded from
 * the state budget. Everything one party owes another is on request (theo đơn).
 */
export function enforcementMode(obligation: Pick<Obligation, "kind" | "debtor" | "creditor">): EnforcementMode {
  const stateBudget = foldVietnamese(STATE_BUDGET);
  const involvesBudget = foldVietnamese(obligation.creditor) === stateBudget || foldVietnamese(obligation.debtor) === stateBudget;
  return EX_OFFICIO_KINDS.has(obligation.kind) || involvesBudget ? "ex_officio" : "on_request";
}

const JUDGMENT_TYPE_BY_CATEGORY: Record<CaseCategory, JudgmentType> = {
  civil: "civil",
  commercial: "commercial",
  marriage_family: "marriage_family",
  criminal: "criminal",
  labor: "labor",
  administrative: "administrative",
  bankruptcy: "bankruptcy",
  other: "other",
};

/** Rebuilds a proposal's derived fields (id, amount, periodic amounts) from its lines. */
export function withLines(base: Omit<MatterProposal, "id" | "lines" | "amountVnd" | "periodic">, lines: ProposalLine[]): MatterProposal {
  const sorted = [...lines].sort((a, b) => a.obligationIndex - b.obligationIndex);
  const periodic: PeriodicAmount[] = sorted.flatMap((line) => (line.periodic ? [{ amountVnd: line.amountVnd, per: line.periodic }] : []));
  return {
    ...base,
    id: `${base.caseId}/${sorted.map((line) => line.obligationIndex).join("+")}`,
    lines: sorted,
    amountVnd: sorted.reduce((sum, line) => sum + line.countedVnd, 0),
    periodic,
  };
}

export interface ProposeOptions {
  caseId: string;
  /** ISO date the agency receives the judgment: picks the unit and counts periodic instalments due. */
  receivedOn: string;
  directory: AgencyDirectory;
}

/**
 * Proposes the enforcement matters of an extracted case: one per debtor, creditor and mode (names
 * compared with diacritics folded), in order of first appearance.
 *
 * Periodic obligations (child support) keep their instalment and periodicity; in tiền they count
 * the instalments fallen due from the issue date up to receipt, at least one. Later instalments
 * are not added automatically. When the issue date is missing, one instalment is counted and a
 * review reason asks staff to set the amount.
 */
export function proposeMatters(extracted: ExtractedCase, options: ProposeOptions): MatterProposal[] {
  const agency = assignAgency(options.directory, extracted.court, options.receivedOn, { firstInstanceCourt: extracted.firstInstanceCourt });
  const agencyReasons = agency.ok ? agency.reviewReasons : [agency.reviewReason];
  const groups = new Map<string, { obligation: Obligation; mode: EnforcementMode; lines: ProposalLine[]; reasons: Reason[] }>();

  extracted.obligations.forEach((obligation, obligationIndex) => {
    const mode = enforcementMode(obligation);
    const key = [foldVietnamese(obligation.debtor), foldVietnamese(obligation.creditor), mode].join("|");
    const group = groups.get(key) ?? { obligation, mode, lines: [], reasons: [] };
    groups.set(key, group);
    let countedVnd = obligation.amountVnd;
    if (obligation.periodic) {
      const due = extracted.issuedDate ? instalmentsDue(extracted.issuedDate, options.receivedOn, obligation.periodic) : 0;
      if (due === 0) {
        group.reasons.push(reason("matter.periodic-amount-unset", { obligation: obligationIndex }));
      }
      countedVnd = obligation.amountVnd * Math.max(due, 1);
    }
    if (EX_OFFICIO_KINDS.has(obligation.kind) && foldVietnamese(obligation.creditor) !== foldVietnamese(STATE_BUDGET)) {
      group.reasons.push(reason("matter.ex-officio-not-state-budget", { obligation: obligationIndex, creditor: obligation.creditor }));
    }
    group.lines.push({ obligationIndex, kind: obligation.kind, amountVnd: obligation.amountVnd, periodic: obligation.periodic, countedVnd });
  });

  return [...groups.values()].map(({ obligation, mode, lines, reasons }) =>
    withLines(
      {
        caseId: options.caseId,
        mode,
        debtor: obligation.debtor,
        creditor: obligation.creditor,
        judgmentType: JUDGMENT_TYPE_BY_CATEGORY[extracted.caseCategory],
        creditInstitution: extracted.creditInstitutionInvolved,
        unitId: agency.ok ? agency.unit.id : null,
        reviewReasons: [...agencyReasons, ...reasons].map((r) => r.message),
      },
      lines,
    ),
  );
}

/**
 * Lines staff add take positions from here on: past any obligation a case holds (a correction
 * keeps at most 500), so a matter staff added never shares an id with one derived from the case.
 */
export const STAFF_LINE_START = 1000;

export interface StaffMatter {
  mode: EnforcementMode;
  debtor: string;
  creditor: string;
  kind: ObligationKind;
  amountVnd: number;
  unitId: string;
}

/**
 * A matter the extraction missed, as staff describe it: one line at the next free staff position,
 * judgment type and credit-institution involvement taken from the case, marked as added by staff.
 */
export function staffProposal(
  extracted: Pick<ExtractedCase, "caseCategory" | "creditInstitutionInvolved">,
  stored: readonly MatterProposal[],
  caseId: string,
  matter: StaffMatter,
  addedBy: { by: string; at: string; note: string },
): MatterProposal {
  const taken = stored.flatMap((proposal) => proposal.lines.map((line) => line.obligationIndex));
  const obligationIndex = Math.max(STAFF_LINE_START - 1, ...taken) + 1;
  return {
    ...withLines(
      {
        caseId,
        mode: matter.mode,
        debtor: matter.debtor,
        creditor: matter.creditor,
        judgmentType: JUDGMENT_TYPE_BY_CATEGORY[extracted.caseCategory],
        creditInstitution: extracted.creditInstitutionInvolved,
        unitId: matter.unitId,
        reviewReasons: [],
      },
      [{ obligationIndex, kind: matter.kind, amountVnd: matter.amountVnd, periodic: null, countedVnd: matter.amountVnd }],
    ),
    addedBy,
  };
}
