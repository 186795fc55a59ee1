import type { CellDelta } from "../domain/report/incremental.ts";
import type { PeriodScheme, ReportPeriod } from "../domain/report/periods.ts";
import type { Cube } from "../domain/report/rollup.ts";

/**
 * The report aggregates kept from the matters stream: per period, its residual cube (what the
 * period holds beyond the period before carried forward; see domain/report/carry-forward.ts).
 */
export interface ReportAggregates {
  /**
   * Adds the residual deltas of one stream record, exactly once: a record delivered again (stream
   * retries, a batch replayed after a partial failure) is recognised by its id and changes nothing.
   */
  apply(recordId: string, deltas: readonly CellDelta[], scheme: PeriodScheme): Promise<"applied" | "already-applied">;
  /** Every residual stored for the scheme, from the first period through `through`, keyed by period id. */
  residuals(scheme: PeriodScheme, through: ReportPeriod): Promise<Map<string, Cube>>;
  /**
   * Replaces the stored residuals of one period (by id), or of every period when `period` is null,
   * with `residuals`: cells not in it are removed. Returns how many cells were written.
   */
  replace(scheme: PeriodScheme, residuals: ReadonlyMap<string, Cube>, period: string | null): Promise<number>;
}
