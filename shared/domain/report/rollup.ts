import type { Matter, MatterEvent } from "../lifecycle/matter.ts";
import type { EnforcementMode, JudgmentType } from "../matters/types.ts";
import { addOutcome, periodOutcome, type PeriodBounds } from "./outcome.ts";
import { emptyCell } from "./indicators.ts";

/** The attributes that place a matter in the aggregates. */
export type MatterFacts = Pick<Matter, "id" | "unitId" | "judgmentType" | "mode" | "creditInstitution">;

export interface MatterHistory {
  matter: MatterFacts;
  /** The matter's audited events in seq order. */
  events: readonly MatterEvent[];
}

/** Aggregates of one period: one cell of counts per unit × judgment type × mode × credit flag. */
export type Cube = Map<string, Float64Array>;

export interface CellDims {
  unitId: string;
  judgmentType: JudgmentType;
  mode: EnforcementMode;
  creditInstitution: boolean;
}

export function cellKey(facts: Omit<MatterFacts, "id">): string {
  return `${facts.unitId}|${facts.judgmentType}|${facts.mode}|${facts.creditInstitution ? 1 : 0}`;
}

export function cellDims(key: string): CellDims {
  const [unitId, judgmentType, mode, credit] = key.split("|") as [string, JudgmentType, EnforcementMode, string];
  return { unitId, judgmentType, mode, creditInstitution: credit === "1" };
}

export function cellOf(cube: Cube, key: string): Float64Array {
  let cell = cube.get(key);
  if (!cell) {
    cell = emptyCell();
    cube.set(key, cell);
  }
  return cell;
}

/**
 * Full recompute: one pass over every matter's history, aggregating each requested period.
 * Accepts any iterable so very large inputs can be streamed rather than held in memory.
 */
export function rollup(histories: Iterable<MatterHistory>, periods: readonly PeriodBounds[]): Cube[] {
  const cubes: Cube[] = periods.map(() => new Map());
  for (const { matter, events } of histories) {
    const key = cellKey(matter);
    periods.forEach((period, index) => {
      const outcome = periodOutcome(events, period);
      if (outcome) addOutcome(cellOf(cubes[index]!, key), outcome, 1);
    });
  }
  return cubes;
}

/** Groups a flat event list by matter, each in seq order. */
export function histories(matters: readonly MatterFacts[], events: readonly MatterEvent[]): MatterHistory[] {
  const byMatter = new Map<string, MatterEvent[]>();
  for (const event of events) {
    const list = byMatter.get(event.matterId);
    if (list) list.push(event);
    else byMatter.set(event.matterId, [event]);
  }
  return matters.map((matter) => ({ matter, events: (byMatter.get(matter.id) ?? []).sort((a, b) => a.seq - b.seq) }));
}
