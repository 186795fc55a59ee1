import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { parser } from "@aws-lambda-powertools/parser/middleware";
import { documents, s3 } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { ScheduledEventSchema } from "#adapters/aws/event-schemas.ts";
import { observed } from "#adapters/aws/lambda-handler.ts";
import { S3ObjectStore } from "#adapters/aws/s3-object-store.ts";
import { xlsxWorkbookWriter } from "#adapters/xlsx/xlsx-workbook-writer.ts";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { creditCasesTable } from "#domain/matters/worklist.ts";
import { loadConfig } from "#shared/config.ts";
import { BusinessMetric } from "#shared/metrics.ts";
import { logger, metrics } from "#shared/observability.ts";
import { creditCaseList } from "#use-cases/matters.ts";
import { reportRollup } from "#use-cases/roll-up-report.ts";

const config = loadConfig("roll-up-report");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);
const directory = haNamNinhBinhDirectory();
const rollup = reportRollup({
  aggregates: new DynamoDbReportAggregates(documents, config.ANALYTICS_TABLE),
  files: new S3ObjectStore(s3),
  spreadsheets: xlsxWorkbookWriter,
  bucket: config.REPORTS_BUCKET,
  scheme: config.REPORT_SCHEME,
  directory,
  extraTables: async (asOf) => [creditCasesTable((await creditCaseList({}, { matters, directory, now: () => new Date(asOf) })).cases)],
});

export const handler = observed(async (event: { time: string }) => {
  const result = await rollup.rollUp({ asOf: event.time });
  logger.info("report rolled up", { asOf: event.time, period: result.period, through: result.through, files: result.reportKeys.length });
  metrics.addMetric(BusinessMetric.reportFilesWritten, MetricUnit.Count, result.reportKeys.length);
  return result;
}).use(parser({ schema: ScheduledEventSchema }));
