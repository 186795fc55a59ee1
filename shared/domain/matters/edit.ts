import { openMatter, type Actor, type Recorded } from "../lifecycle/matter.ts";
import { foldVietnamese } from "../text/fold.ts";
import { withLines } from "./propose.ts";
import type { JudgmentType, MatterProposal } from "./types.ts";

export type ProposalErrorCode = "invalid_split" | "invalid_merge" | "missing_unit";

export class MatterProposalError extends Error {
  override readonly name = "MatterProposalError";
  constructor(readonly code: ProposalErrorCode, message: string) {
    super(message);
  }
}

/** A proposal without what its lines decide (id, amount, periodic amounts). */
export function baseOf(proposal: MatterProposal): Omit<MatterProposal, "id" | "lines" | "amountVnd" | "periodic"> {
  const { id: _id, lines: _lines, amountVnd: _amount, periodic: _periodic, ...base } = proposal;
  return base;
}

/**
 * Splits a proposal into several, one per group of line positions (indexes into
 * proposal.lines). Every line must land in exactly one non-empty group, and there must be at
 * least two groups.
 */
export function splitProposal(proposal: MatterProposal, groups: number[][]): MatterProposal[] {
  if (groups.length < 2) throw new MatterProposalError("invalid_split", "a split needs at least two groups");
  const seen = new Set<number>();
  for (const group of groups) {
    if (group.length === 0) throw new MatterProposalError("invalid_split", "a split group may not be empty");
    for (const position of group) {
      if (!Number.isInteger(position) || position < 0 || position >= proposal.lines.length) {
        throw new MatterProposalError("invalid_split", `line ${position} does not exist in proposal ${proposal.id}`);
      }
      if (seen.has(position)) throw new MatterProposalError("invalid_split", `line ${position} is in two groups`);
      seen.add(position);
    }
  }
  if (seen.size !== proposal.lines.length) throw new MatterProposalError("invalid_split", "every line must be in a group");
  return groups.map((group) => withLines(baseOf(proposal), group.map((position) => proposal.lines[position]!)));
}

/**
 * Merges proposals of one case, mode and unit into one matter. When debtors or creditors differ
 * (after folding diacritics), staff must name the merged matter's parties in `parties`.
 */
export function mergeProposals(proposals: MatterProposal[], parties?: { debtor: string; creditor: string }): MatterProposal {
  const [first, ...rest] = proposals;
  if (!first || rest.length === 0) throw new MatterProposalError("invalid_merge", "a merge needs at least two proposals");
  for (const other of rest) {
    if (other.caseId !== first.caseId) throw new MatterProposalError("invalid_merge", "cannot merge matters of different cases");
    if (other.mode !== first.mode) throw new MatterProposalError("invalid_merge", "cannot merge an ex officio matter with an on-request one");
    if (other.unitId !== first.unitId) throw new MatterProposalError("invalid_merge", "cannot merge matters of different units");
  }
  const samePeople = proposals.every(
    (p) => foldVietnamese(p.debtor) === foldVietnamese(first.debtor) && foldVietnamese(p.creditor) === foldVietnamese(first.creditor),
  );
  if (!samePeople && !parties) {
    throw new MatterProposalError("invalid_merge", "debtors or creditors differ: name the merged matter's debtor and creditor");
  }
  const positions = new Set<number>();
  for (const line of proposals.flatMap((p) => p.lines)) {
    if (positions.has(line.obligationIndex)) throw new MatterProposalError("invalid_merge", `obligation #${line.obligationIndex} is in two proposals`);
    positions.add(line.obligationIndex);
  }
  return withLines(
    {
      ...baseOf(first),
      debtor: parties?.debtor ?? first.debtor,
      creditor: parties?.creditor ?? first.creditor,
      creditInstitution: proposals.some((p) => p.creditInstitution),
      reviewReasons: [...new Set(proposals.flatMap((p) => p.reviewReasons))],
    },
    proposals.flatMap((p) => p.lines),
  );
}

export interface AcceptOptions {
  matterId: string;
  actor: Actor;
  /** Staff's choice when the court could not be matched, or to correct it. */
  unitId?: string;
  /** E.g. "arbitration", which no court category carries. */
  judgmentType?: JudgmentType;
  /** Staff's corrected amount for tiền, e.g. the child support actually due. */
  amountVnd?: number;
  /** The enforcement decision that opens the matter (số và ngày quyết định thi hành án). */
  decision?: { number: string; date: string };
  /** The executor (chấp hành viên) assigned. */
  executor?: string;
}

/** Accepts a proposal: opens the matter in thụ lý with its audited intake event. */
export function acceptProposal(proposal: MatterProposal, options: AcceptOptions): Recorded {
  const unitId = options.unitId ?? proposal.unitId;
  if (unitId === null) throw new MatterProposalError("missing_unit", `proposal ${proposal.id} has no receiving unit: choose one`);
  return openMatter(
    {
      id: options.matterId,
      caseId: proposal.caseId,
      unitId,
      mode: proposal.mode,
      judgmentType: options.judgmentType ?? proposal.judgmentType,
      creditInstitution: proposal.creditInstitution,
      debtor: proposal.debtor,
      creditor: proposal.creditor,
      owedVnd: options.amountVnd ?? proposal.amountVnd,
      periodic: proposal.periodic,
      ...(options.decision && { decision: options.decision }),
      ...(options.executor !== undefined && { executor: options.executor }),
    },
    options.actor,
  );
}
