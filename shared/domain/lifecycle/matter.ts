import type { EnforcementMode, JudgmentType, PeriodicAmount } from "../matters/types.ts";
import { COLLECTING_STATES, REDUCIBLE_STATES, TRANSITIONS, type MatterState } from "./states.ts";

/** One enforcement matter (việc) as the agency holds it: what is owed, what has happened. */
export interface Matter {
  id: string;
  caseId: string;
  unitId: string;
  mode: EnforcementMode;
  judgmentType: JudgmentType;
  creditInstitution: boolean;
  debtor: string;
  creditor: string;
  /** The amount counted in tiền at thụ lý (VND). */
  owedVnd: number;
  /** Recurring obligations (child support), kept beside the counted amount. */
  periodic: PeriodicAmount[];
  state: MatterState;
  collectedVnd: number;
  reducedVnd: number;
  /** seq of the last event applied. */
  version: number;
  /** When the last event happened; later changes may not be dated before it. */
  updatedAt: string;
  /** The enforcement decision (quyết định thi hành án) that opened it: its number and ISO date. */
  decision?: { number: string; date: string };
  /** The executor (chấp hành viên) in charge. */
  executor?: string;
  /** Obstacles staff noted (vướng mắc), oldest first; absent until the first. They change no state or money. */
  obstacles?: Obstacle[];
}

/** An obstacle to enforcement staff noted on a matter, audited: who, when, what. */
export interface Obstacle {
  /** Canonical UTC instant. */
  at: string;
  by: string;
  note: string;
}

export type MatterEventType = "intake" | "transition" | "collect" | "reduce";

/**
 * The audit record of one change: who, when, from which state to which, why, and the money it
 * moved. For completion the amount is what was collected to finish; for đình chỉ and ủy thác it
 * is the balance left at that moment.
 */
export interface MatterEvent {
  matterId: string;
  seq: number;
  type: MatterEventType;
  /** Canonical UTC instant as Date.prototype.toISOString prints it, so strings order as instants. */
  at: string;
  by: string;
  reason: string;
  from: MatterState | null;
  to: MatterState;
  amountVnd: number;
  /** The receipt number (số biên lai) of money collected. */
  receipt?: string;
}

export type LifecycleErrorCode =
  | "illegal_transition"
  | "not_collecting"
  | "not_reducible"
  | "invalid_amount"
  | "over_balance"
  | "out_of_order"
  | "invalid_audit";

export class LifecycleError extends Error {
  override readonly name = "LifecycleError";
  constructor(readonly code: LifecycleErrorCode, message: string) {
    super(message);
  }
}

export interface Actor {
  by: string;
  /** Any instant accepted by Date; stored as canonical ISO UTC. */
  at: string | Date;
  reason: string;
}

export type NewMatter = Omit<Matter, "state" | "collectedVnd" | "reducedVnd" | "version" | "updatedAt">;

export function balanceVnd(matter: Pick<Matter, "owedVnd" | "collectedVnd" | "reducedVnd">): number {
  return matter.owedVnd - matter.collectedVnd - matter.reducedVnd;
}

function canonicalInstant(at: string | Date): string {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) throw new LifecycleError("invalid_audit", `not a valid instant: ${String(at)}`);
  return date.toISOString();
}

function audit(actor: Actor, lastAt: string | undefined): { at: string; by: string; reason: string } {
  if (actor.by.trim() === "") throw new LifecycleError("invalid_audit", "every change needs who made it");
  if (actor.reason.trim() === "") throw new LifecycleError("invalid_audit", "every change needs a reason");
  const at = canonicalInstant(actor.at);
  if (lastAt !== undefined && at < lastAt) {
    throw new LifecycleError("out_of_order", `change at ${at} is earlier than the last recorded change at ${lastAt}`);
  }
  return { at, by: actor.by, reason: actor.reason };
}

function checkAmount(amountVnd: number): void {
  if (!Number.isSafeInteger(amountVnd) || amountVnd <= 0) {
    throw new LifecycleError("invalid_amount", `amount must be a positive whole number of VND, got ${amountVnd}`);
  }
}

export interface Recorded {
  matter: Matter;
  event: MatterEvent;
}

/** Opens a matter in state thụ lý, with its intake event. */
export function openMatter(fields: NewMatter, actor: Actor): Recorded {
  if (!Number.isSafeInteger(fields.owedVnd) || fields.owedVnd < 0) {
    throw new LifecycleError("invalid_amount", `amount owed must be a whole number of VND >= 0, got ${fields.owedVnd}`);
  }
  const stamp = audit(actor, undefined);
  const matter: Matter = { ...fields, state: "accepted", collectedVnd: 0, reducedVnd: 0, version: 1, updatedAt: stamp.at };
  return { matter, event: { matterId: fields.id, seq: 1, type: "intake", ...stamp, from: null, to: "accepted", amountVnd: fields.owedVnd } };
}

function next(matter: Matter, actor: Actor, change: Omit<MatterEvent, "matterId" | "seq" | "at" | "by" | "reason" | "from">, patch: Partial<Matter>): Recorded {
  const stamp = audit(actor, matter.updatedAt);
  const seq = matter.version + 1;
  return {
    matter: { ...matter, ...patch, state: change.to, version: seq, updatedAt: stamp.at },
    event: { matterId: matter.id, seq, ...stamp, from: matter.state, ...change },
  };
}

/**
 * Moves a matter to another state. Completion collects the remaining balance; đình chỉ and ủy
 * thác record the balance they close. Illegal moves throw LifecycleError("illegal_transition").
 */
export function transition(matter: Matter, to: MatterState, actor: Actor): Recorded {
  if (!TRANSITIONS[matter.state].includes(to)) {
    throw new LifecycleError("illegal_transition", `cannot move a matter from ${matter.state} to ${to}`);
  }
  const balance = balanceVnd(matter);
  if (to === "completed") {
    return next(matter, actor, { type: "transition", to, amountVnd: balance }, { collectedVnd: matter.collectedVnd + balance });
  }
  const closesBalance = to === "terminated" || to === "transferred";
  return next(matter, actor, { type: "transition", to, amountVnd: closesBalance ? balance : 0 }, {});
}

/** Records money collected (partial payment) while the matter is being enforced, with its receipt number if any. */
export function collect(matter: Matter, amountVnd: number, actor: Actor, receipt?: string): Recorded {
  if (!COLLECTING_STATES.has(matter.state)) throw new LifecycleError("not_collecting", `cannot collect money in state ${matter.state}`);
  checkAmount(amountVnd);
  if (amountVnd > balanceVnd(matter)) throw new LifecycleError("over_balance", `collecting ${amountVnd} exceeds the balance ${balanceVnd(matter)}`);
  return next(matter, actor, { type: "collect", to: matter.state, amountVnd, ...(receipt !== undefined && { receipt }) }, { collectedVnd: matter.collectedVnd + amountVnd });
}

/** Records a reduction (giảm) of the amount owed; counted in tiền only. */
export function reduce(matter: Matter, amountVnd: number, actor: Actor): Recorded {
  if (!REDUCIBLE_STATES.has(matter.state)) throw new LifecycleError("not_reducible", `cannot reduce the amount in state ${matter.state}`);
  checkAmount(amountVnd);
  if (amountVnd > balanceVnd(matter)) throw new LifecycleError("over_balance", `reducing ${amountVnd} exceeds the balance ${balanceVnd(matter)}`);
  return next(matter, actor, { type: "reduce", to: matter.state, amountVnd }, { reducedVnd: matter.reducedVnd + amountVnd });
}
