import "../support/lambda-env.ts";
import "aws-sdk-client-mock-vitest/extend";
import { PutObjectCommand, S3Client, type PutObjectCommandInput } from "@aws-sdk/client-s3";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { buildReport } from "#domain/report/build-report.ts";
import { reportToJson } from "#domain/report/export/export.ts";
import { applyMatterChange } from "#use-cases/apply-matter-changes.ts";
import { handler } from "../../functions/roll-up-report/handler.ts";
import { analyticsTable } from "../support/analytics-table.ts";
import { lambdaContext, loadEvent } from "../support/events.ts";
import { capturedLogs } from "../support/logs.ts";
import { M, stories } from "../unit/report/small-province.ts";

capturedLogs();
const s3 = mockClient(S3Client);
let table: ReturnType<typeof analyticsTable>;

beforeEach(async () => {
  s3.reset();
  s3.on(PutObjectCommand).resolves({});
  // Two items per page, so reading the aggregates has to follow LastEvaluatedKey.
  table = analyticsTable({ pageSize: 2 });
  // The small province's matters, each as the stream delivers a matter written whole.
  const aggregates = new DynamoDbReportAggregates(documents, "thads-analytics");
  for (const { matter, events } of stories) {
    await applyMatterChange({ id: `insert-${matter.id}`, change: { eventName: "INSERT", newImage: { ...matter, events } } }, { aggregates, scheme: "statistical" });
  }
});
afterEach(() => table.client.restore());

/** The schedule firing at 02:00 on 1 April 2026, Vietnam time. */
const nightAfterMarch31 = () => ({ ...loadEvent("scheduled-rollup"), time: "2026-03-31T19:00:00Z" });
const written = () => new Map(s3.commandCalls(PutObjectCommand).map((call) => [call.args[0].input.Key!, call.args[0].input as PutObjectCommandInput]));

describe("roll-up-report", () => {
  it("writes the final 6-month report the night after 31 March, as XLSX, one CSV per table and JSON", async () => {
    const result = await handler(nightAfterMarch31() as never, lambdaContext());

    const prefix = "reports/2026-H1/2026-03-31/bao-cao-thads-2026-H1";
    expect(result).toEqual({
      period: "2026-H1",
      through: "2026-03-31",
      reportKeys: [
        `${prefix}.xlsx`,
        ...["theo-don-vi", "theo-loai-an", "chu-dong-theo-don", "tin-dung-ngan-hang", "cung-ky-nam-truoc", "thong-tin", "an-tin-dung-chua-xong"].map((table) => `${prefix}-${table}.csv`),
        `${prefix}.json`,
      ],
    });
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, { Bucket: "thads-reports", Key: `${prefix}.xlsx`, ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  });

  it("reports from the stream-kept aggregates exactly what a full recompute of the matters gives", async () => {
    await handler(nightAfterMarch31() as never, lambdaContext());

    const json = written().get("reports/2026-H1/2026-03-31/bao-cao-thads-2026-H1.json");
    const full = buildReport({ matters: stories.map((s) => s.matter), events: stories.flatMap((s) => s.events), period: "2026-H1" });
    expect(JSON.parse(String(json?.Body))).toEqual(JSON.parse(reportToJson(full).toString("utf8")));
  });

  it("exports a workbook a spreadsheet program opens, with the province totals in place", async () => {
    await handler(nightAfterMarch31() as never, lambdaContext());

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(written().get("reports/2026-H1/2026-03-31/bao-cao-thads-2026-H1.xlsx")?.Body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const total = sheet.getRow(sheet.rowCount);
    const column = (label: string) => header.indexOf(label);

    expect(total.getCell(1).value).toBe("Toàn tỉnh");
    expect(total.getCell(column("Tổng thụ lý (việc)")).value).toBe(7);
    expect(total.getCell(column("Thi hành xong (tiền, đồng)")).value).toBe(130 * M);
    expect(total.getCell(column("Thi hành xong (tiền, đồng)")).numFmt).toBe("#,##0");
  });

  it("adds a sheet of the open bank-credit matters, read from the open-credit index, with their age on the night of the run", async () => {
    const row = {
      id: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c/0",
      caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c",
      unitId: "ha-nam-phu-ly",
      executor: "Trần Văn Bình",
      state: "postponed",
      mode: "on_request",
      creditInstitution: true,
      debtor: "Công ty TNHH Minh Phát",
      creditor: "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam",
      owedVnd: 900 * M,
      collectedVnd: 100 * M,
      reducedVnd: 0,
      openedOn: "2025-04-01",
      version: 4,
      obstacles: [{ at: "2025-09-01T03:00:00.000Z", by: "staff", note: "Tài sản bảo đảm chưa bán được" }],
    };
    table.client.on(QueryCommand, { IndexName: "ByOpenCredit" }).resolves({ Items: [row] });

    await handler(nightAfterMarch31() as never, lambdaContext());

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(written().get("reports/2026-H1/2026-03-31/bao-cao-thads-2026-H1.xlsx")?.Body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Án tín dụng chưa xong")!;
    const cells = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(cells.slice(1)).toEqual([row.id, row.debtor, row.creditor, 900 * M, 100 * M, 800 * M, "01/04/2025", 365, "hoãn", "Trần Văn Bình", "01/09/2025: Tài sản bảo đảm chưa bán được"]);
  });

  it("rolls up the 12-month report from the next night on", async () => {
    const result = await handler({ ...nightAfterMarch31(), time: "2026-04-01T19:00:00Z" } as never, lambdaContext());

    expect(result).toMatchObject({ period: "2026-H2", through: "2026-04-01" });
  });

  it("refuses events that are not from the schedule, reading nothing", async () => {
    const event = { ...loadEvent("scheduled-rollup"), source: "aws.s3" };

    await expect(handler(event as never, lambdaContext())).rejects.toThrow(/parse/i);
    expect(table.client).not.toHaveReceivedCommand(QueryCommand);
    expect(s3).not.toHaveReceivedCommand(PutObjectCommand);
  });
});
