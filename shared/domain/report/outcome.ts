import type { MatterEvent } from "../lifecycle/matter.ts";
import { CLOSED_STATES, type MatterState } from "../lifecycle/states.ts";
import { AT, TIEN } from "./indicators.ts";
import type { ReportPeriod } from "./periods.ts";

/** What one matter did in a period: how it entered, the money moved, where it stood at the end. */
export interface PeriodOutcome {
  carried: boolean;
  /** Balance at the period start (carried) or the amount owed at thụ lý (new). */
  base: number;
  collected: number;
  reduced: number;
  end: MatterState;
}

export type PeriodBounds = Pick<ReportPeriod, "startAt" | "endBefore">;

/**
 * Replays a matter's events (in seq order) against a period. Null when the matter does not
 * belong to the period: received after it, or closed (xong, đình chỉ, ủy thác) before it began.
 */
export function periodOutcome(events: readonly MatterEvent[], period: PeriodBounds): PeriodOutcome | null {
  let state: MatterState | null = null;
  let owed = 0;
  let collected = 0;
  let reduced = 0;
  let i = 0;
  const apply = (event: MatterEvent): void => {
    if (event.type === "intake") owed = event.amountVnd;
    else if (event.type === "collect" || (event.type === "transition" && event.to === "completed")) collected += event.amountVnd;
    else if (event.type === "reduce") reduced += event.amountVnd;
    state = event.to;
  };
  for (; i < events.length && events[i]!.at < period.startAt; i++) apply(events[i]!);
  const opening: MatterState | null = state;
  const openCollected = collected;
  const openReduced = reduced;
  for (; i < events.length && events[i]!.at < period.endBefore; i++) apply(events[i]!);
  const end = state as MatterState | null;
  if (end === null) return null;
  if (opening === null) return { carried: false, base: owed, collected, reduced, end };
  if (CLOSED_STATES.has(opening)) return null;
  return { carried: true, base: owed - openCollected - openReduced, collected: collected - openCollected, reduced: reduced - openReduced, end };
}

const BUCKET: Partial<Record<MatterState, number>> = {
  completed: AT.completed,
  terminated: AT.terminated,
  in_progress: AT.inProgress,
  postponed: AT.postponed,
  suspended: AT.suspended,
  enforceable: AT.other,
  accepted: AT.other,
};

/**
 * Adds (sign 1) or removes (sign -1) an outcome's counts in a cell. Money identities kept per
 * matter: có điều kiện tiền = xong + đình chỉ + giảm + đang + hoãn + tạm đình chỉ + khác; money
 * collected or reduced before a matter ended chưa có điều kiện or ủy thác counts as có điều kiện
 * (xong, giảm), the balance left as chưa có điều kiện or ủy thác. A matter still thụ lý at the end
 * counts under khác (and in unclassified).
 */
export function addOutcome(cell: Float64Array, outcome: PeriodOutcome, sign: number): void {
  const { base, collected, reduced, end } = outcome;
  const balance = base - collected - reduced;
  const entry = outcome.carried ? AT.carriedOver : AT.new;
  cell[entry]! += sign;
  cell[TIEN + entry]! += sign * base;
  cell[TIEN + AT.completed]! += sign * collected;
  cell[TIEN + AT.reduced]! += sign * reduced;
  if (end === "transferred" || end === "not_enforceable") {
    const at = end === "transferred" ? AT.transferred : AT.notEnforceable;
    cell[at]! += sign;
    cell[TIEN + at]! += sign * balance;
    cell[TIEN + AT.enforceable]! += sign * (collected + reduced);
    return;
  }
  const bucket = BUCKET[end]!;
  cell[AT.enforceable]! += sign;
  cell[TIEN + AT.enforceable]! += sign * base;
  cell[bucket]! += sign;
  cell[TIEN + bucket]! += sign * balance;
  if (end === "accepted") {
    cell[AT.unclassified]! += sign;
    cell[TIEN + AT.unclassified]! += sign * balance;
  }
}
