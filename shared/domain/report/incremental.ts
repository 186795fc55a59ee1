import type { Matter, MatterEvent } from "../lifecycle/matter.ts";
import { addCell, CELL_WIDTH, emptyCell } from "./indicators.ts";
import { addOutcome, periodOutcome } from "./outcome.ts";
import type { ReportPeriod } from "./periods.ts";
import { cellKey, cellOf, type Cube } from "./rollup.ts";

/** A matter as stored: its current state plus its audit trail, as a stream image carries it. */
export interface MatterItem extends Matter {
  events: MatterEvent[];
}

/** One DynamoDB stream record of the matters table, images already unmarshalled. */
export interface MatterStreamChange {
  eventName: "INSERT" | "MODIFY" | "REMOVE";
  oldImage?: MatterItem;
  newImage?: MatterItem;
}

/** A change to one aggregate cell: add `values` (CELL_WIDTH counts) to the cell. */
export interface CellDelta {
  /** ReportPeriod.id */
  period: string;
  key: string;
  values: Float64Array;
}

/** Aggregates kept per tracked period, keyed by ReportPeriod.id. */
export type AggregateStore = Map<string, Cube>;

function contribute(image: MatterItem | undefined, period: ReportPeriod, sign: number, into: Map<string, Float64Array>): void {
  if (!image) return;
  const outcome = periodOutcome(image.events, period);
  if (outcome) addOutcome(cellOf(into, cellKey(image)), outcome, sign);
}

/**
 * The aggregate changes one stream record causes: the old image's contribution taken out, the
 * new image's put in, per tracked period; cells whose counts cancel are left out. Pure, and its
 * cost depends only on the one matter's history, never on the size of the aggregates.
 */
export function deltasForChange(change: MatterStreamChange, periods: readonly ReportPeriod[]): CellDelta[] {
  const deltas: CellDelta[] = [];
  for (const period of periods) {
    const cells = new Map<string, Float64Array>();
    contribute(change.oldImage, period, -1, cells);
    contribute(change.newImage, period, 1, cells);
    for (const [key, values] of cells) {
      if (values.some((value) => value !== 0)) deltas.push({ period: period.id, key, values });
    }
  }
  return deltas;
}

/** Sums deltas per period and cell, so a batch of records becomes one update per touched cell. */
export function mergeDeltas(deltas: readonly CellDelta[]): CellDelta[] {
  const merged = new Map<string, CellDelta>();
  for (const delta of deltas) {
    const id = `${delta.period}#${delta.key}`;
    const into = merged.get(id) ?? { period: delta.period, key: delta.key, values: emptyCell() };
    addCell(into.values, delta.values);
    merged.set(id, into);
  }
  return [...merged.values()].filter((delta) => delta.values.some((value) => value !== 0));
}

/**
 * Adds deltas to an in-memory store, in place: the local twin of DynamoDB `ADD` updates on the
 * analytics table. Cells that return to all zeros are removed, so an incrementally kept store
 * equals a full recompute exactly.
 */
export function applyDeltas(store: AggregateStore, deltas: readonly CellDelta[]): void {
  for (const delta of deltas) {
    let cube = store.get(delta.period);
    if (!cube) {
      cube = new Map();
      store.set(delta.period, cube);
    }
    const cell = cellOf(cube, delta.key);
    addCell(cell, delta.values);
    let empty = true;
    for (let i = 0; i < CELL_WIDTH && empty; i++) empty = cell[i] === 0;
    if (empty) cube.delete(delta.key);
  }
}
