import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { parser } from "@aws-lambda-powertools/parser/middleware";
import type { z } from "zod";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { RebuildAggregatesEventSchema } from "#adapters/aws/event-schemas.ts";
import { observed } from "#adapters/aws/lambda-handler.ts";
import { parsePeriod } from "#domain/report/periods.ts";
import { loadConfig } from "#shared/config.ts";
import { BusinessMetric } from "#shared/metrics.ts";
import { logger, metrics } from "#shared/observability.ts";
import { rebuildAggregates } from "#use-cases/rebuild-aggregates.ts";

const config = loadConfig("rebuild-aggregates");
const deps = {
  matters: new DynamoDbMatterRepository(documents, config.MATTERS_TABLE),
  aggregates: new DynamoDbReportAggregates(documents, config.ANALYTICS_TABLE),
  scheme: config.REPORT_SCHEME,
};

export const handler = observed(async (event: z.output<typeof RebuildAggregatesEventSchema>) => {
  const result = await rebuildAggregates({ period: event.period === undefined ? null : parsePeriod(event.period, config.REPORT_SCHEME) }, deps);
  logger.info("report aggregates rebuilt", { ...result });
  metrics.addMetric(BusinessMetric.aggregateCellsRebuilt, MetricUnit.Count, result.cells);
  return result;
}).use(parser({ schema: RebuildAggregatesEventSchema }));
