/**
 * Enforcement matters of a case: proposed at intake, opened by staff, then moved through the
 * lifecycle. Every change is written as a new version of the matter, carrying its audit trail.
 */
import type { Caller } from "../domain/access.ts";
import { findUnit, isValidOn, type AgencyDirectory } from "../domain/agencies/directory.ts";
import { vietnamDirectory } from "../domain/agencies/vietnam-directory.ts";
import { formatVnd } from "../domain/extraction/review-reasons.ts";
import { balanceVnd, LifecycleError, type Actor, type Matter, type Recorded } from "../domain/lifecycle/matter.ts";
import { STATE_LABELS, type MatterState } from "../domain/lifecycle/states.ts";
import { applyStep, stepTarget, type MatterStep, type StepKind } from "../domain/lifecycle/steps.ts";
import { acceptProposal, MatterProposalError, mergeProposals, splitProposal } from "../domain/matters/edit.ts";
import { caseIdOfMatter } from "../domain/matters/matter-id.ts";
import { proposeMatters, staffProposal, type StaffMatter } from "../domain/matters/propose.ts";
import { reproposal } from "../domain/matters/repropose.ts";
import { creditCaseRows, daysBefore, type CreditCaseRow, type MatterRow } from "../domain/matters/worklist.ts";
import type { MatterItem } from "../domain/report/incremental.ts";
import { vietnamDate, vietnamMidnight } from "../domain/report/periods.ts";
import { reason } from "../domain/review-reasons.ts";
import type { StoredCase } from "../domain/stored-case.ts";
import { ConflictError, InvalidRequestError, NotFoundError, type RefusalError } from "../errors.ts";
import type { MatterProposal } from "../domain/matters/types.ts";
import type { CaseRepository, Page, PageRequest } from "../ports/case-repository.ts";
import { MatterVersionConflictError, ProposalsChangedError, type CaseMatters, type CorrectionNotice, type MatterListFilter, type MatterRepository } from "../ports/matter-repository.ts";
import { assertUnitAccess, scopedUnit } from "./access.ts";

/**
 * Proposes the matters of a case read at intake and stores them beside it, once: the same case
 * arriving again leaves the stored proposals (and any staff edits) alone. Returns how many were proposed.
 */
export async function proposeCaseMatters(record: StoredCase, deps: { matters: MatterRepository; directory: AgencyDirectory }): Promise<number> {
  const proposals = proposeMatters(record, { caseId: record.caseId, receivedOn: vietnamDate(record.receivedAt), directory: deps.directory });
  await deps.matters.saveProposals(record.caseId, proposals);
  return proposals.length;
}

/** A correction read again before its proposals are replaced, when a matter was opened meanwhile; then the 409 of a split. */
const REPROPOSE_ATTEMPTS = 3;

/**
 * After staff corrected a case: its proposals nobody opened are derived again and replaced, opened
 * matters stay, and the case's notice names the opened matters that may no longer match it (none:
 * the notice is cleared). Conditional: a proposal opened meanwhile makes it read and derive again.
 */
export async function reproposeCorrectedCase(record: StoredCase, deps: { matters: MatterRepository; directory: AgencyDirectory }): Promise<CorrectionNotice | null> {
  const derived = proposeMatters(record, { caseId: record.caseId, receivedOn: vietnamDate(record.receivedAt), directory: deps.directory });
  for (let attempt = 1; ; attempt += 1) {
    const stored = await deps.matters.ofCase(record.caseId);
    const plan = reproposal(stored.proposals, new Set(stored.matters.map((matter) => matter.id)), derived);
    const notice =
      plan.mismatched.length === 0
        ? null
        : { caseVersion: record.version, matterIds: plan.mismatched, message: reason("matter.correction-notice", { version: record.version, matters: plan.mismatched.join(", ") }).message };
    try {
      await deps.matters.reproposeAfterCorrection(record.caseId, plan.removed, plan.added, notice);
      return notice;
    } catch (error) {
      if (!(error instanceof ProposalsChangedError)) throw error;
      if (attempt === REPROPOSE_ATTEMPTS) throw new ConflictError(reason("matter.proposals-changed", { caseId: record.caseId }));
    }
  }
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
  // a proposal intake could give no unit is split by the staff who take it
  const proposal = (await proposalsOf(request.caseId, [request.proposalId], deps, request.caller, (found) => found.unitId ?? request.caller.unitId ?? null))[0]!;
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
  const proposals = await proposalsOf(request.caseId, request.proposalIds, deps, request.caller, (found) => found.unitId ?? request.caller.unitId ?? null);
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
  // staff of the unit intake chose may name the right one when intake chose wrong; a proposal with none they take to their own
  if (request.unitId !== undefined && proposal.unitId === null) assertUnitAccess(request.caller, request.unitId, "change");
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
  transfer: "ủy thác thi hành án",
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
 * What the receiving unit gets when a matter is handed over (ủy thác): a proposal of the same case,
 * for that unit, owing the balance left. Not a matter already open: per DOMAIN.md one việc is one
 * enforcement decision, and the receiving agency issues its own decision and counts the việc as
 * thụ lý mới from that decision's date, with its own executor, so its staff open the proposal as
 * they open any other. The sending unit's matter ends ủy thác (tổng phải thi hành = tổng thụ lý − ủy thác).
 */
async function receivingProposal(transferred: MatterItem, toUnitId: string, deps: { matters: MatterRepository }): Promise<MatterProposal> {
  const { proposals } = await deps.matters.ofCase(transferred.caseId);
  const original = proposals.find((proposal) => proposal.id === transferred.id);
  const balance = balanceVnd(transferred);
  return {
    id: `${transferred.id}@${toUnitId}`,
    caseId: transferred.caseId,
    mode: transferred.mode,
    debtor: transferred.debtor,
    creditor: transferred.creditor,
    lines: original?.lines ?? [],
    amountVnd: balance,
    periodic: transferred.periodic,
    judgmentType: transferred.judgmentType,
    creditInstitution: transferred.creditInstitution,
    unitId: toUnitId,
    reviewReasons: [
      reason("matter.received-by-transfer", { unit: transferred.unitId, matterId: transferred.id, date: vietnamDate(transferred.updatedAt), amount: formatVnd(balance) }).message,
    ],
  };
}

/** Refuses an ủy thác to a unit the directory does not hold on that day, or to the matter's own unit. */
function checkReceivingUnit(matter: Matter, toUnitId: string, at: string, directory: AgencyDirectory): void {
  const unit = findUnit(directory, toUnitId);
  const date = vietnamDate(at);
  if (!unit || !isValidOn(unit, date)) throw new InvalidRequestError(reason("matter.transfer-unknown-unit", { unit: toUnitId, date }));
  if (unit.id === matter.unitId) throw new ConflictError(reason("matter.transfer-same-unit", { unit: matter.unitId }));
}

/**
 * Applies one step to a matter as stored and writes the new version, audited (who, when, from,
 * to, why, amount). Refused with ConflictError when the lifecycle does not allow it or the matter
 * is no longer at the version the caller read. An ủy thác also leaves the receiving unit a proposal
 * to open, in the same write; the directory (intake's by default) says which units exist.
 */
export async function recordMatterStep(
  request: StepRequest,
  deps: { matters: MatterRepository; now: () => Date; directory?: AgencyDirectory },
): Promise<MatterItem> {
  const current = await storedMatter(request.matterId, deps);
  assertUnitAccess(request.caller, current.unitId, "change");
  const conflict = () => new ConflictError(reason("matter.version-conflict", { matterId: request.matterId, version: request.expectedVersion }));
  if (current.version !== request.expectedVersion) throw conflict();
  const { events, ...matter } = current;
  const { step } = request;
  const at = vietnamMidnight(request.date ?? vietnamDate(deps.now().toISOString()));
  const actor: Actor = { by: request.caller.id, at, reason: request.note ?? reason("matter.step-recorded", { step: STEP_LABELS[step.kind] }).message };
  if (step.kind === "transfer") checkReceivingUnit(matter, step.toUnitId, at, deps.directory ?? vietnamDirectory());
  let recorded: Recorded;
  try {
    recorded = applyStep(matter, step, actor);
  } catch (error) {
    if (error instanceof LifecycleError) throw refusalOf(error, matter, stepTarget(matter, step), step.kind === "collect" || step.kind === "reduce" ? step.amountVnd : 0, at);
    throw error;
  }
  const item: MatterItem = { ...recorded.matter, events: [...events, recorded.event] };
  try {
    if (step.kind === "transfer") await deps.matters.saveTransfer(item, await receivingProposal(item, step.toUnitId, deps));
    else await deps.matters.save(item);
  } catch (error) {
    if (error instanceof MatterVersionConflictError) throw conflict();
    throw error;
  }
  return item;
}

export interface AddMatterRequest extends StaffMatter {
  caseId: string;
  /** Staff of the unit the matter is for. */
  caller: Caller;
  /** Why staff add it (the audit's why); a standard text when not given. */
  note?: string;
}

/**
 * Adds a matter the extraction missed, as a proposal marked as added by staff (who, when, why),
 * which is then opened like any other. Judgment type and credit-institution involvement come from the case.
 */
export async function addStaffProposal(request: AddMatterRequest, deps: { matters: MatterRepository; cases: CaseRepository; now: () => Date }): Promise<MatterProposal> {
  assertUnitAccess(request.caller, request.unitId, "change");
  const record = await deps.cases.get(request.caseId);
  if (!record) throw new NotFoundError(reason("request.case-not-found", { caseId: request.caseId }));
  const { proposals } = await deps.matters.ofCase(request.caseId);
  const { caseId, caller, note, ...matter } = request;
  const added = staffProposal(record, proposals, caseId, matter, { by: caller.id, at: deps.now().toISOString(), note: note ?? reason("matter.added-by-staff", {}).message });
  const [stored] = await replace(caseId, [], [added], deps);
  return stored!;
}

/** Notes an obstacle (vướng mắc) on a matter, audited: who, when, what. It changes neither state nor money. */
export async function noteMatterObstacle(request: { matterId: string; note: string; caller: Caller }, deps: { matters: MatterRepository; now: () => Date }): Promise<MatterItem> {
  const caseId = caseIdOfMatter(request.matterId);
  assertUnitAccess(request.caller, (await storedMatter(request.matterId, deps)).unitId, "change");
  const noted = await deps.matters.noteObstacle(caseId, request.matterId, { at: deps.now().toISOString(), by: request.caller.id, note: request.note });
  if (!noted) throw new NotFoundError(reason("request.matter-not-found", { caseId, matterId: request.matterId }));
  return noted;
}

export interface WorklistRequest extends Omit<MatterListFilter, "openedBefore"> {
  /** Only matters thụ lý more than this many days ago (today in Vietnam counting as day 0). */
  olderThanDays?: number | undefined;
}

/**
 * A page of a worklist: the matters of a unit or an executor, oldest thụ lý first, narrowed by
 * state, mode, credit-institution involvement and age. Staff scoped to a unit pass it as unitId.
 */
export async function listMatters(request: WorklistRequest, page: PageRequest, deps: { matters: MatterRepository; now: () => Date }, caller: Caller): Promise<Page<MatterRow>> {
  // staff see their own unit's list whatever they asked for; leaders any unit's
  const unitId = scopedUnit(caller, request.unitId);
  if (unitId === undefined && request.executor === undefined) throw new InvalidRequestError(reason("request.matters-no-criterion", {}));
  const { olderThanDays, ...asked } = request;
  const filter = { ...asked, unitId };
  const today = vietnamDate(deps.now().toISOString());
  return deps.matters.list({ ...filter, ...(olderThanDays !== undefined && { openedBefore: daysBefore(today, olderThanDays) }) }, page);
}

/**
 * The bank-credit list (the province's yearly review with the State Bank branch): every open
 * matter where a credit institution is a party, of one unit or all, with its age on `asOf`.
 */
export async function creditCaseList(
  request: { unitId?: string | undefined },
  deps: { matters: MatterRepository; directory: AgencyDirectory; now: () => Date },
  /** Who asks (staff get their own unit's list); none for the scheduled export, which lists every unit. */
  caller?: Caller,
): Promise<{ asOf: string; cases: CreditCaseRow[] }> {
  const asOf = vietnamDate(deps.now().toISOString());
  const unitId = caller === undefined ? request.unitId : scopedUnit(caller, request.unitId);
  return { asOf, cases: creditCaseRows(await deps.matters.openCreditMatters(unitId), asOf, deps.directory) };
}
