import { collect, reduce, transition, type Actor, type Matter, type Recorded } from "./matter.ts";
import type { MatterState } from "./states.ts";

/** The steps staff record on a matter, as the API and the CLI name them. */
export const MOVE_KINDS = ["postpone", "suspend", "resume", "terminate", "complete"] as const;
export const STEP_KINDS = ["verify", "collect", "reduce", "transfer", ...MOVE_KINDS] as const;
export type StepKind = (typeof STEP_KINDS)[number];
type MoveKind = (typeof MOVE_KINDS)[number];

/**
 * One step: a verification (xác minh) finds the debtor able to pay or not; a collection records a
 * payment with its receipt; a reduction (giảm) lowers the amount owed; ủy thác hands the matter to
 * another unit (which opens its own); the others move the matter to the state they name.
 */
export type MatterStep =
  | { kind: "verify"; enforceable: boolean }
  | { kind: "collect"; amountVnd: number; receipt?: string }
  | { kind: "reduce"; amountVnd: number }
  | { kind: "transfer"; toUnitId: string }
  | { kind: MoveKind };

const MOVES: Record<MoveKind, MatterState> = {
  postpone: "postponed",
  suspend: "suspended",
  resume: "in_progress",
  terminate: "terminated",
  complete: "completed",
};

/** The state a step moves the matter to (a collection or reduction leaves it where it is). */
export function stepTarget(matter: Pick<Matter, "state">, step: MatterStep): MatterState {
  if (step.kind === "verify") return step.enforceable ? "enforceable" : "not_enforceable";
  if (step.kind === "collect" || step.kind === "reduce") return matter.state;
  if (step.kind === "transfer") return "transferred";
  return MOVES[step.kind];
}

/** Applies one step through the lifecycle rules; a refused step throws LifecycleError. */
export function applyStep(matter: Matter, step: MatterStep, actor: Actor): Recorded {
  if (step.kind === "collect") return collect(matter, step.amountVnd, actor, step.receipt);
  if (step.kind === "reduce") return reduce(matter, step.amountVnd, actor);
  return transition(matter, stepTarget(matter, step), actor);
}
