/** The scheduled semiannual statistics rollup (report domain, issue 6), as the scheduled function sees it. */
export interface RollupRequest {
  /** When the schedule fired (ISO instant); the rollup reports cumulatively up to this moment. */
  asOf: string;
}

export interface RollupResult {
  /** Report snapshots written to the analytics table. */
  snapshots: number;
  /** Objects written to the reports bucket. */
  reportKeys: string[];
}

export interface ReportRollup {
  rollUp(request: RollupRequest): Promise<RollupResult>;
}
