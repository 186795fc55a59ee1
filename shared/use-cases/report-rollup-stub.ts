import type { ReportRollup } from "../ports/report-rollup.ts";

/**
 * STUB until the report domain (issue 6) lands: writes nothing. The roll-up-report function and its
 * schedule, table, bucket and permissions are real; replace this with the issue 6 rollup at merge.
 */
export const reportRollupStub: ReportRollup = {
  async rollUp() {
    return { snapshots: 0, reportKeys: [] };
  },
};
