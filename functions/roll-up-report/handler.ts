import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { parser } from "@aws-lambda-powertools/parser/middleware";
import { ScheduledEventSchema } from "#adapters/aws/event-schemas.ts";
import { observed } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { logger, metrics } from "#shared/observability.ts";
import { reportRollupStub } from "#use-cases/report-rollup-stub.ts";

// Read now so a missing setting fails at cold start; the issue 6 rollup takes them at merge.
loadConfig("roll-up-report");
const rollup = reportRollupStub;

export const handler = observed(async (event: { time: string }) => {
  const result = await rollup.rollUp({ asOf: event.time });
  logger.info("report rolled up", { asOf: event.time, snapshots: result.snapshots, reports: result.reportKeys.length });
  metrics.addMetric("ReportSnapshotsWritten", MetricUnit.Count, result.snapshots);
  return result;
}).use(parser({ schema: ScheduledEventSchema }));
