/**
 * Aggregates that stay exact from one year to the next while the stream only sees changes.
 *
 * A period counts every matter still open at its start (năm trước chuyển sang), whether or not
 * the matter changes during the period. A store fed only by changes would lose the matters that
 * sit untouched for a year. But a matter with no event inside a period contributes exactly its
 * previous-period contribution carried forward (carried over with its closing balance, ending in
 * the same state), and carrying forward is linear. So for every period P and the period Q before it:
 *
 *   cube(P) = carryForward(cube(Q)) + residual(P)
 *
 * where residual(P) receives something only from changes with an event dated inside P. The stream
 * keeps residuals (O(1) periods per change); the report rebuilds cubes along the chain of periods.
 */
import { AT, emptyCell, TIEN } from "./indicators.ts";
import { deltasForChange, mergeDeltas, type CellDelta, type MatterItem, type MatterStreamChange } from "./incremental.ts";
import { reportPeriod, statisticalYearOf, vietnamDate, PeriodError, type PeriodScheme, type ReportPeriod } from "./periods.ts";
import { cellKey, type Cube } from "./rollup.ts";

/** The period whose end state carries into `period`: the one ending the day before it starts. */
export function periodBefore(period: ReportPeriod): ReportPeriod {
  if (period.scheme === "statistical") return reportPeriod(period.year - 1, 2, "statistical");
  return period.half === 1 ? reportPeriod(period.year - 1, 2, "calendar") : reportPeriod(period.year, 1, "calendar");
}

/** Open end states: each keeps its count and balance in the next period. */
const OPEN_ENFORCEABLE = [AT.inProgress, AT.postponed, AT.suspended, AT.other] as const;

/**
 * What a cell of one period becomes in the next period if none of its matters has an event there:
 * every matter still open is carried over with its balance and ends in the state it was in.
 * Closed matters (xong, đình chỉ, ủy thác), money moved and new matters do not carry.
 */
export function carryForward(cell: Float64Array): Float64Array {
  const next = emptyCell();
  for (const offset of [0, TIEN]) {
    let enforceable = 0;
    for (const at of OPEN_ENFORCEABLE) {
      next[offset + at] = cell[offset + at]!;
      enforceable += cell[offset + at]!;
    }
    next[offset + AT.unclassified] = cell[offset + AT.unclassified]!;
    next[offset + AT.notEnforceable] = cell[offset + AT.notEnforceable]!;
    next[offset + AT.enforceable] = enforceable;
    next[offset + AT.carriedOver] = enforceable + cell[offset + AT.notEnforceable]!;
  }
  return next;
}

/** The report periods of a scheme that contain an instant (statistical: the 12-month one, and the 6-month one in its first half). */
export function periodsContaining(instant: string, scheme: PeriodScheme): ReportPeriod[] {
  const date = vietnamDate(instant);
  if (scheme === "calendar") return [reportPeriod(Number(date.slice(0, 4)), date.slice(5) <= "06-30" ? 1 : 2, "calendar")];
  const year = statisticalYearOf(date);
  const firstHalf = reportPeriod(year, 1, "statistical");
  return date <= firstHalf.end ? [firstHalf, reportPeriod(year, 2, "statistical")] : [reportPeriod(year, 2, "statistical")];
}

/** Reads a stored period id back ("2026-H1", "2026-H2-calendar"). */
export function periodOfId(id: string): ReportPeriod {
  const match = /^(\d{4})-H([12])(-calendar)?$/.exec(id);
  if (!match) throw new PeriodError(`not a report period id: "${id}"`);
  return reportPeriod(Number(match[1]), match[2] === "1" ? 1 : 2, match[3] ? "calendar" : "statistical");
}

const sameEvent = (a: MatterItem["events"][number], b: MatterItem["events"][number]) =>
  a.seq === b.seq && a.at === b.at && a.type === b.type && a.from === b.from && a.to === b.to && a.amountVnd === b.amountVnd;

/** The events a change adds, removes or alters; all of them when the matter moves to another cell. */
function changedEvents(change: MatterStreamChange): MatterItem["events"] {
  const { oldImage, newImage } = change;
  if (!oldImage || !newImage || cellKey(oldImage) !== cellKey(newImage)) return [...(oldImage?.events ?? []), ...(newImage?.events ?? [])];
  let first = 0;
  while (first < oldImage.events.length && first < newImage.events.length && sameEvent(oldImage.events[first]!, newImage.events[first]!)) first++;
  return [...oldImage.events.slice(first), ...newImage.events.slice(first)];
}

/**
 * The residual changes one stream record causes: for each period holding one of the record's
 * changed events, its delta in that period minus its delta in the period before carried forward.
 * Periods without a changed event get nothing (their cubes follow from the chain). Pure; the cost
 * depends on the one matter's history only.
 */
export function residualDeltas(change: MatterStreamChange, scheme: PeriodScheme): CellDelta[] {
  const periods = new Map<string, ReportPeriod>();
  for (const event of changedEvents(change)) for (const period of periodsContaining(event.at, scheme)) periods.set(period.id, period);
  const parts: CellDelta[] = [];
  for (const period of periods.values()) {
    parts.push(...deltasForChange(change, [period]));
    for (const delta of deltasForChange(change, [periodBefore(period)])) {
      const carried = carryForward(delta.values).map((value) => -value);
      parts.push({ period: period.id, key: delta.key, values: carried });
    }
  }
  return mergeDeltas(parts);
}

function addInto(cube: Cube, key: string, values: Float64Array): void {
  const cell = cube.get(key);
  if (!cell) cube.set(key, Float64Array.from(values));
  else for (let i = 0; i < values.length; i++) cell[i]! += values[i]!;
}

/**
 * Rebuilds the cube of each wanted period from stored residuals (keyed by period id), walking
 * back period by period to the earliest residual stored. Cells that add up to zero are left out.
 */
export function cubesFromResiduals(residuals: ReadonlyMap<string, Cube>, wanted: readonly ReportPeriod[]): Cube[] {
  const earliestStart = [...residuals.keys()].map((id) => periodOfId(id).startAt).sort()[0];
  const built = new Map<string, Cube>();
  const build = (target: ReportPeriod): Cube => {
    const chain: ReportPeriod[] = [];
    for (let period = target; earliestStart !== undefined && period.endBefore > earliestStart && !built.has(period.id); period = periodBefore(period)) {
      chain.push(period);
    }
    let cube: Cube = chain.length > 0 ? (built.get(periodBefore(chain.at(-1)!).id) ?? new Map()) : (built.get(target.id) ?? new Map());
    for (const period of chain.reverse()) {
      const next: Cube = new Map();
      for (const [key, cell] of cube) addInto(next, key, carryForward(cell));
      for (const [key, cell] of residuals.get(period.id) ?? []) addInto(next, key, cell);
      built.set(period.id, next);
      cube = next;
    }
    return cube;
  };
  return wanted.map((period) => new Map([...build(period)].filter(([, cell]) => cell.some((value) => value !== 0))));
}
