/**
 * Enforcement matters of a case: proposed at intake, opened by staff, then moved through the
 * lifecycle. Every change is written as a new version of the matter, carrying its audit trail.
 */
import type { Caller } from "../domain/access.ts";
import type { AgencyDirectory } from "../domain/agencies/directory.ts";
import { formatVnd } from "../domain/extraction/review-reasons.ts";
import { balanceVnd, LifecycleError, type Actor, type Matter, type Recorded } from "../domain/lifecycle/matter.ts";
import { STATE_LABELS, type MatterState } from "../domain/lifecycle/states.ts";
import { applyStep, stepTarget, type MatterStep, type StepKind } from "../domain/lifecycle/steps.ts";
import { acceptProposal, MatterProposalError, mergeProposals, splitProposal } from "../domain/matters/edit.ts";
import { caseIdOfMatter } from "../domain/matters/matter-id.ts";
import { proposeMatters } from "../domain/matters/propose.ts";
import type { MatterItem } from "../domain/report/incremental.ts";
import { vietnamDate, vietnamMidnight } from "../domain/report/periods.ts";
import { reason } from "../domain/review-reasons.ts";
import type { StoredCase } from "../domain/stored-case.ts";
import { ConflictError, InvalidRequestError, NotFoundError, type RefusalError } from "../errors.ts";
import type { MatterProposal } from "../domain/matters/types.ts";
import { MatterVersionConflictError, ProposalsChangedError, type CaseMatters, type MatterRepository } from "../ports/matter-repository.ts";
import { assertUnitAccess } from "./access.ts";

/**
 * Proposes the matters of a case read at intake and stores them beside it, once: the same case
 * arriving again leaves the stored proposals (and any staff edits) alone. Returns how many were proposed.
 */
export async function proposeCaseMatters(record: StoredCase, deps: { matters: MatterRepository; directory: AgencyDirectory }): Promise<number> {
  const proposals = proposeMatters(record, { caseId: record.caseId, receivedOn: vietnamDate(record.receivedAt), directory: deps.directory });
  await deps.matters.saveProposals(record.caseId, proposals);
  return proposals.length;
}

/**
 * A case's proposed matters and the matters staff opened from them, for a caller of a unit one of
 * them names (a matter sent by ủy thác belongs to the receiving unit too), or a leader.
 */
export async function caseMatters(caseId: string, deps: { matters: MatterRepository }, caller: Caller): Promise<CaseMatters> {
  const found = await deps.matters.ofCase(caseId);
  const units = [...found.proposals, ...found.matters].map((item) => item.unitId);
  assertUnitAccess(caller, units.find((unitId) => unitId === caller.unitId) ?? units.find((unitId) => unitId !== null) ?? null, "read");
  return found;
}

async function storedMatter(matterId: string, deps: { matters: MatterRepository }): Promise<MatterItem> {
  const caseId = caseIdOfMatter(matterId);
  const found = await deps.matters.get(caseId, matterId);
  if (!found) throw new NotFoundError(reason("request.matter-not-found", { caseId, matterId }));
  return found;
}

/** One matter, found by its id alone (the id names its case), for staff of the unit that holds it or a leader. */
export async function getMatter(matterId: string, deps: { matters: MatterRepository }, caller: Caller): Promise<MatterItem> {
  const found = await storedMatter(matterId, deps);
  assertUnitAccess(caller, found.unitId, "read");
  return found;
}

/** The proposals of a case, by id, that the caller may change; NotFoundError naming the first that is not there, ForbiddenError for another unit's. */
async function proposalsOf(
  caseId: string,
  ids: readonly string[],
  deps: { matters: MatterRepository },
  caller: Caller,
  unitOf: (proposal: MatterProposal) => string | null = (proposal) => proposal.unitId,
): Promise<MatterProposal[]> {
  const { proposals } = await deps.matters.ofCase(caseId);
  return ids.map((proposalId) => {
    const found = proposals.find((candidate) => candidate.id === proposalId);
    if (!found) throw new NotFoundError(reason("request.proposal-not-found", { caseId, proposalId }));
    assertUnitAccess(caller, unitOf(found), "change");
    return found;
  });
}

/** Stores the proposals that replace others, or says in Vietnamese why it could not. */
async function replace(caseId: string, removed: readonly string[], added: MatterProposal[], deps: { matters: MatterRepository }): Promise<MatterProposal[]> {
  try {
    await deps.matters.replaceProposals(caseId, removed, added);
  } catch (error) {
    if (error instanceof ProposalsChangedError) throw new ConflictError(reason("matter.proposals-changed", { caseId }));
    throw error;
  }
  return added;
}

/** Splits a proposal nobody opened into several, one per group of its line positions. */
export async function splitCaseProposal(
  request: { caseId: string; proposalId: string; groups: number[][]; caller: Caller },
  deps: { matters: MatterRepository },
): Promise<MatterProposal[]> {
  const proposal = (await proposalsOf(request.caseId, [request.proposalId], deps, request.caller))[0]!;
  let parts: MatterProposal[];
  try {
    parts = splitProposal(proposal, request.groups);
  } catch (error) {
    if (error instanceof MatterProposalError) throw new InvalidRequestError(reason("matter.invalid-split", {}));
    throw error;
  }
  return replace(request.caseId, [request.proposalId], parts, deps);
}

/** Merges proposals nobody opened into one; staff name the parties when the proposals' differ. */
export async function mergeCaseProposals(
  request: { caseId: string; proposalIds: string[]; parties?: { debtor: string; creditor: string }; caller: Caller },
  deps: { matters: MatterRepository },
): Promise<MatterProposal> {
  const proposals = await proposalsOf(request.caseId, request.proposalIds, deps, request.caller);
  let merged: MatterProposal;
  try {
    merged = mergeProposals(proposals, request.parties);
  } catch (error) {
    if (error instanceof MatterProposalError) throw new InvalidRequestError(reason("matter.invalid-merge", {}));
    throw error;
  }
  const [stored] = await replace(request.caseId, request.proposalIds, [merged], deps);
  return stored!;
}

export interface OpenMatterRequest {
  caseId: string;
  proposalId: string;
  /** The enforcement decision opening the matter; its date is the date of thụ lý. */
  decision: { number: string; date: string };
  executor: string;
  /** Staff's choice of receiving unit, when intake found none or found the wrong one. */
  unitId?: string;
  /** Staff's corrected amount for tiền. */
  amountVnd?: number;
  /** Staff of the proposal's unit; their user name is recorded in the audit trail. */
  caller: Caller;
  note?: string;
}

/** Opens (thụ lý) the matter a proposal describes, on the decision's date; the matter keeps the proposal's id. */
export async function openProposedMatter(request: OpenMatterRequest, deps: { matters: MatterRepository }): Promise<MatterItem> {
  // proposalsOf returns one proposal per id asked for, or throws
  // a proposal intake could give no unit goes to the unit staff name, their own
  const proposal = (await proposalsOf(request.caseId, [request.proposalId], deps, request.caller, (found) => found.unitId ?? request.unitId ?? null))[0]!;
  if (request.unitId !== undefined) assertUnitAccess(request.caller, request.unitId, "change");
  const actor: Actor = {
    by: request.caller.id,
    at: vietnamMidnight(request.decision.date),
    reason: request.note ?? reason("matter.opened", { decision: request.decision.number, date: request.decision.date }).message,
  };
  let recorded: Recorded;
  try {
    recorded = acceptProposal(proposal, {
      matterId: proposal.id,
      actor,
      decision: request.decision,
      executor: request.executor,
      ...(request.unitId !== undefined && { unitId: request.unitId }),
      ...(request.amountVnd !== undefined && { amountVnd: request.amountVnd }),
    });
  } catch (error) {
    if (error instanceof MatterProposalError) throw new InvalidRequestError(reason("matter.missing-unit", { proposalId: proposal.id }));
    if (error instanceof LifecycleError) throw new InvalidRequestError(reason(error.code === "invalid_amount" ? "matter.invalid-amount" : "matter.invalid-audit", {}));
    throw error;
  }
  const item: MatterItem = { ...recorded.matter, events: [recorded.event] };
  try {
    await deps.matters.save(item);
  } catch (error) {
    if (error instanceof MatterVersionConflictError) throw new ConflictError(reason("matter.already-open", { proposalId: proposal.id }));
    throw error;
  }
  return item;
}

const STEP_LABELS: Record<StepKind, string> = {
  verify: "xác minh điều kiện thi hành án",
  collect: "thu tiền",
  reduce: "giảm số tiền phải thi hành",
  postpone: "hoãn thi hành án",
  suspend: "tạm đình chỉ thi hành án",
  resume: "tiếp tục thi hành án",
  terminate: "đình chỉ thi hành án",
  complete: "thi hành xong",
};

/** The Vietnamese refusal for a step the lifecycle rules refuse. */
function refusalOf(error: LifecycleError, matter: Matter, to: MatterState, amountVnd: number, at: string): RefusalError {
  switch (error.code) {
    case "illegal_transition":
      return new ConflictError(reason("matter.illegal-transition", { from: STATE_LABELS[matter.state], to: STATE_LABELS[to] }));
    case "not_collecting":
      return new ConflictError(reason("matter.not-collecting", { state: STATE_LABELS[matter.state] }));
    case "not_reducible":
      return new ConflictError(reason("matter.not-reducible", { state: STATE_LABELS[matter.state] }));
    case "over_balance":
      return new ConflictError(reason("matter.over-balance", { amount: formatVnd(amountVnd), balance: formatVnd(balanceVnd(matter)) }));
    case "out_of_order":
      return new ConflictError(reason("matter.out-of-order", { date: vietnamDate(at), last: vietnamDate(matter.updatedAt) }));
    case "invalid_amount":
      return new InvalidRequestError(reason("matter.invalid-amount", {}));
    case "invalid_audit":
      return new InvalidRequestError(reason("matter.invalid-audit", {}));
  }
}

export interface StepRequest {
  matterId: string;
  /** The version the caller read; the step is refused if the matter has moved on since. */
  expectedVersion: number;
  step: MatterStep;
  /** The ISO date (in Vietnam) the step happened; today when not given. */
  date?: string;
  note?: string;
  /** Staff of the unit holding the matter; their user name is recorded in the audit trail. */
  caller: Caller;
}

/**
 * Applies one step to a matter as stored and writes the new version, audited (who, when, from,
 * to, why, amount). Refused with ConflictError when the lifecycle does not allow it or the matter
 * is no longer at the version the caller read.
 */
export async function recordMatterStep(request: StepRequest, deps: { matters: MatterRepository; now: () => Date }): Promise<MatterItem> {
  const current = await storedMatter(request.matterId, deps);
  assertUnitAccess(request.caller, current.unitId, "change");
  const conflict = () => new ConflictError(reason("matter.version-conflict", { matterId: request.matterId, version: request.expectedVersion }));
  if (current.version !== request.expectedVersion) throw conflict();
  const { events, ...matter } = current;
  const { step } = request;
  const at = vietnamMidnight(request.date ?? vietnamDate(deps.now().toISOString()));
  const actor: Actor = { by: request.caller.id, at, reason: request.note ?? reason("matter.step-recorded", { step: STEP_LABELS[step.kind] }).message };
  let recorded: Recorded;
  try {
    recorded = applyStep(matter, step, actor);
  } catch (error) {
    if (error instanceof LifecycleError) throw refusalOf(error, matter, stepTarget(matter, step), step.kind === "collect" || step.kind === "reduce" ? step.amountVnd : 0, at);
    throw error;
  }
  const item: MatterItem = { ...recorded.matter, events: [...events, recorded.event] };
  try {
    await deps.matters.save(item);
  } catch (error) {
    if (error instanceof MatterVersionConflictError) throw conflict();
    throw error;
  }
  return item;
}
