/**
 * Recomputes the report aggregates from the matters table, for when the stream kept them wrong: a
 * batch that landed in the failure queue, records that aged out of the stream. Each matter counts
 * as if its whole history arrived in one stream record (its residuals in every period it has an
 * event in: domain/report/carry-forward.ts), which is what the stream's records add up to.
 *
 * Run it with the stream caught up and no step being recorded: a change the stream applies while
 * the matters are read may be counted twice or not at all.
 */
import { residualDeltas } from "../domain/report/carry-forward.ts";
import { applyDeltas, type AggregateStore } from "../domain/report/incremental.ts";
import type { PeriodScheme, ReportPeriod } from "../domain/report/periods.ts";
import type { MatterArchive } from "../ports/matter-repository.ts";
import type { ReportAggregates } from "../ports/report-aggregates.ts";

export interface RebuildResult {
  /** Matters read. */
  matters: number;
  /** Aggregate cells written, over every period rebuilt. */
  cells: number;
  /** The period rebuilt, or null for all. */
  period: string | null;
}

/** Replaces the stored aggregates of one period (or of all) with those recomputed from every matter. */
export async function rebuildAggregates(
  request: { period: ReportPeriod | null },
  deps: { matters: MatterArchive; aggregates: ReportAggregates; scheme: PeriodScheme },
): Promise<RebuildResult> {
  const store: AggregateStore = new Map();
  let matters = 0;
  for await (const item of deps.matters.allMatters()) {
    matters += 1;
    const deltas = residualDeltas({ eventName: "INSERT", newImage: item }, deps.scheme);
    applyDeltas(store, request.period === null ? deltas : deltas.filter((delta) => delta.period === request.period!.id));
  }
  const cells = await deps.aggregates.replace(deps.scheme, store, request.period?.id ?? null);
  return { matters, cells, period: request.period?.id ?? null };
}
