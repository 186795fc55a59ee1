/** The scheduled semiannual statistics rollup, as the scheduled function sees it. */
export interface RollupRequest {
  /** When the schedule fired (ISO instant). */
  asOf: string;
}

export interface RollupResult {
  /** The report period rolled up (its id, e.g. "2026-H1"). */
  period: string;
  /** The last Vietnam day the report covers (ISO date). */
  through: string;
  /** Objects written to the reports bucket. */
  reportKeys: string[];
}

export interface ReportRollup {
  rollUp(request: RollupRequest): Promise<RollupResult>;
}
