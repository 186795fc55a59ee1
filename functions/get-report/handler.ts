import { ReportRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { parsePeriod } from "#domain/report/periods.ts";
import { loadConfig } from "#shared/config.ts";
import { reportFromAggregates } from "#use-cases/roll-up-report.ts";

const config = loadConfig("get-report");
const deps = { aggregates: new DynamoDbReportAggregates(documents, config.ANALYTICS_TABLE), scheme: config.REPORT_SCHEME, directory: haNamNinhBinhDirectory() };

export const handler = httpRoute("get-report", ReportRequest, async (request) =>
  json(200, await reportFromAggregates(parsePeriod(request.pathParameters.period, config.REPORT_SCHEME), deps)),
);
