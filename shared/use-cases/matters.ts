/**
 * Enforcement matters of a case: proposed at intake, opened by staff, then moved through the
 * lifecycle. Every change is written as a new version of the matter, carrying its audit trail.
 */
import type { AgencyDirectory } from "../domain/agencies/directory.ts";
import { collect, reduce, transition, type Actor } from "../domain/lifecycle/matter.ts";
import type { MatterState } from "../domain/lifecycle/states.ts";
import { acceptProposal, type AcceptOptions } from "../domain/matters/edit.ts";
import { proposeMatters } from "../domain/matters/propose.ts";
import type { MatterItem } from "../domain/report/incremental.ts";
import { vietnamDate } from "../domain/report/periods.ts";
import { reason } from "../domain/review-reasons.ts";
import type { StoredCase } from "../domain/stored-case.ts";
import { NotFoundError } from "../errors.ts";
import type { MatterRepository } from "../ports/matter-repository.ts";

/**
 * Proposes the matters of a case read at intake and stores them beside it, once: the same case
 * arriving again leaves the stored proposals (and any staff edits) alone. Returns how many were proposed.
 */
export async function proposeCaseMatters(record: StoredCase, deps: { matters: MatterRepository; directory: AgencyDirectory }): Promise<number> {
  const proposals = proposeMatters(record, { caseId: record.caseId, receivedOn: vietnamDate(record.receivedAt), directory: deps.directory });
  await deps.matters.saveProposals(record.caseId, proposals);
  return proposals.length;
}

/** Opens (thụ lý) the matter a proposal describes; the matter keeps the proposal's id. */
export async function openProposedMatter(
  request: { caseId: string; proposalId: string; actor: Actor } & Omit<AcceptOptions, "matterId" | "actor">,
  deps: { matters: MatterRepository },
): Promise<MatterItem> {
  const { proposals } = await deps.matters.ofCase(request.caseId);
  const proposal = proposals.find((candidate) => candidate.id === request.proposalId);
  if (!proposal) throw new NotFoundError(reason("request.proposal-not-found", { caseId: request.caseId, proposalId: request.proposalId }));
  const { proposalId: _proposalId, caseId: _caseId, ...options } = request;
  const { matter, event } = acceptProposal(proposal, { ...options, matterId: proposal.id });
  const item: MatterItem = { ...matter, events: [event] };
  await deps.matters.save(item);
  return item;
}

/** One lifecycle step: a move to another state, money collected, or a reduction of the amount owed. */
export type MatterStep = { to: MatterState } | { collectVnd: number } | { reduceVnd: number };

/** Applies one step to a matter as stored and writes the new version (refused if another change got there first). */
export async function recordMatterStep(
  request: { caseId: string; matterId: string; step: MatterStep; actor: Actor },
  deps: { matters: MatterRepository },
): Promise<MatterItem> {
  const current = await deps.matters.get(request.caseId, request.matterId);
  if (!current) throw new NotFoundError(reason("request.matter-not-found", { caseId: request.caseId, matterId: request.matterId }));
  const { events, ...matter } = current;
  const { step, actor } = request;
  const recorded =
    "to" in step ? transition(matter, step.to, actor) : "collectVnd" in step ? collect(matter, step.collectVnd, actor) : reduce(matter, step.reduceVnd, actor);
  const item: MatterItem = { ...recorded.matter, events: [...events, recorded.event] };
  await deps.matters.save(item);
  return item;
}
