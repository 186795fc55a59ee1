import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { matterStreamBatch } from "#adapters/aws/matter-stream.ts";
import { loadConfig } from "#shared/config.ts";
import { BusinessMetric } from "#shared/metrics.ts";
import { logger, metrics } from "#shared/observability.ts";
import { applyMatterChange } from "#use-cases/apply-matter-changes.ts";

const config = loadConfig("apply-matter-changes");
const deps = { aggregates: new DynamoDbReportAggregates(documents, config.ANALYTICS_TABLE), scheme: config.REPORT_SCHEME };

export const handler = matterStreamBatch(async (record) => {
  const { outcome, cells } = await applyMatterChange(record, deps);
  logger.debug("matter change applied", { recordId: record.id, outcome, cells });
  metrics.addMetric(outcome === "applied" ? BusinessMetric.matterChangesApplied : BusinessMetric.matterChangesRepeated, MetricUnit.Count, 1);
});
