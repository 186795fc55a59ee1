import { ReportExportRequest } from "#adapters/aws/api-schemas.ts";
import { documents, s3 } from "#adapters/aws/clients.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { S3ObjectStore } from "#adapters/aws/s3-object-store.ts";
import { xlsxWorkbookWriter } from "#adapters/xlsx/xlsx-workbook-writer.ts";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";
import { parsePeriod } from "#domain/report/periods.ts";
import { loadConfig } from "#shared/config.ts";
import { reportDownloads } from "#use-cases/report-downloads.ts";

const config = loadConfig("export-report");
const deps = {
  aggregates: new DynamoDbReportAggregates(documents, config.ANALYTICS_TABLE),
  scheme: config.REPORT_SCHEME,
  directory: haNamNinhBinhDirectory(),
  files: new S3ObjectStore(s3),
  spreadsheets: xlsxWorkbookWriter,
  bucket: config.REPORTS_BUCKET,
  expiresInSeconds: config.DOWNLOAD_URL_TTL_SECONDS,
};

export const handler = httpRoute("export-report", ReportExportRequest, async (request) => {
  const { period, format } = request.pathParameters;
  return json(200, await reportDownloads({ period: parsePeriod(period, config.REPORT_SCHEME), format, requestId: request.requestContext.requestId }, deps));
});
