import { residualDeltas } from "../domain/report/carry-forward.ts";
import type { MatterStreamChange } from "../domain/report/incremental.ts";
import type { PeriodScheme } from "../domain/report/periods.ts";
import type { ReportAggregates } from "../ports/report-aggregates.ts";

export interface MatterChangeRecord {
  /** The stream record's id: a record delivered twice is applied once. */
  id: string;
  change: MatterStreamChange;
}

/**
 * Brings the report aggregates up to date with one change to a matter: only the periods holding
 * the change are touched, with atomic additions, so the cost is per change, not per matter stored.
 */
export async function applyMatterChange(
  record: MatterChangeRecord,
  deps: { aggregates: ReportAggregates; scheme: PeriodScheme },
): Promise<{ outcome: "applied" | "already-applied"; cells: number }> {
  const deltas = residualDeltas(record.change, deps.scheme);
  const outcome = await deps.aggregates.apply(record.id, deltas, deps.scheme);
  return { outcome, cells: deltas.length };
}
