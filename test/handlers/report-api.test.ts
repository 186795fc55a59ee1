import "../support/lambda-env.ts";
import "aws-sdk-client-mock-vitest/extend";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { buildReport } from "#domain/report/build-report.ts";
import { reportToJson } from "#domain/report/export/export.ts";
import { applyMatterChange } from "#use-cases/apply-matter-changes.ts";
import { handler as exportReport } from "../../functions/export-report/handler.ts";
import { handler as getReport } from "../../functions/get-report/handler.ts";
import { analyticsTable } from "../support/analytics-table.ts";
import { lambdaContext, loadEvent } from "../support/events.ts";
import { capturedLogs } from "../support/logs.ts";
import { stories } from "../unit/report/small-province.ts";

capturedLogs();
const s3 = mockClient(S3Client);
let table: ReturnType<typeof analyticsTable>;

beforeEach(async () => {
  s3.reset();
  s3.on(PutObjectCommand).resolves({});
  table = analyticsTable({ pageSize: 2 });
  const aggregates = new DynamoDbReportAggregates(documents, "thads-analytics");
  for (const { matter, events } of stories) {
    await applyMatterChange({ id: `insert-${matter.id}`, change: { eventName: "INSERT", newImage: { ...matter, events } } }, { aggregates, scheme: "statistical" });
  }
});
afterEach(() => table.client.restore());

/** A staff GET of a report route, shaped as API Gateway sends it. */
function reportEvent(rawPath: string, pathParameters: Record<string, string>): APIGatewayProxyEventV2 {
  const event = loadEvent<APIGatewayProxyEventV2>("http-get-case");
  const routeKey = pathParameters.format ? "GET /reports/{period}/exports/{format}" : "GET /reports/{period}";
  return { ...event, routeKey, rawPath, pathParameters, requestContext: { ...event.requestContext, routeKey, http: { ...event.requestContext.http, path: rawPath } } };
}

async function call(handler: unknown, event: APIGatewayProxyEventV2) {
  const invoke = handler as (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  const response = await invoke(event, lambdaContext());
  return { status: response.statusCode, body: JSON.parse(String(response.body)) as Record<string, any> };
}

const fullRecompute = () => JSON.parse(reportToJson(buildReport({ matters: stories.map((s) => s.matter), events: stories.flatMap((s) => s.events), period: "2026-H1" })).toString("utf8"));

describe("report routes", () => {
  it("answers a period's report from the aggregates, as a full recompute of the matters gives it", async () => {
    const { status, body } = await call(getReport, reportEvent("/reports/2026-H1", { period: "2026-H1" }));

    expect(status).toBe(200);
    expect(body).toEqual(fullRecompute());
  });

  it("exports the report under exports/ of the reports bucket and answers short-lived download links", async () => {
    const { status, body } = await call(exportReport, reportEvent("/reports/2026-H1/exports/csv", { period: "2026-H1", format: "csv" }));

    expect(status).toBe(200);
    expect(body.period).toBe("2026-H1");
    expect(body.files.length).toBeGreaterThan(1);
    for (const file of body.files) {
      expect(file.url).toContain(`/exports/2026-H1/`);
      expect(file.url).toContain("X-Amz-Expires=300");
      expect(file.contentType).toBe("text/csv; charset=utf-8");
    }
    expect(s3.commandCalls(PutObjectCommand).map((put) => put.args[0].input.Key)).toEqual(body.files.map((file: { name: string }) => expect.stringMatching(new RegExp(`^exports/2026-H1/[^/]+/${file.name}$`))));
  });

  it("answers 400 for a period or a format it does not know, reading nothing", async () => {
    expect((await call(getReport, reportEvent("/reports/2026-Q1", { period: "2026-Q1" }))).status).toBe(400);
    expect((await call(exportReport, reportEvent("/reports/2026-H1/exports/pdf", { period: "2026-H1", format: "pdf" }))).status).toBe(400);
    expect(s3.calls()).toHaveLength(0);
  });
});
