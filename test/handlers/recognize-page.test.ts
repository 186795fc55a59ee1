import "../support/lambda-env.ts";
import { casesWritten } from "../support/case-writes.ts";
import "aws-sdk-client-mock-vitest/extend";
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NoTextFoundError } from "#domain/document/unreadable-document-error.ts";
import type { PageText, RecognizeOptions, SourceDocument } from "#ports/ocr-engine.ts";
import { renderScannedPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { lambdaContext, loadEvent } from "../support/events.ts";
import { capturedLogs } from "../support/logs.ts";

const page = (pageNumber: number): PageText => ({
  pageNumber,
  source: "ocr",
  lines: [{ text: `Trang ${pageNumber}: Nguyễn Thị Hồng Nhung`, confidence: 0.91, box: { left: 0.1, top: 0.1, width: 0.5, height: 0.02 } }],
});

// Tesseract itself is covered by test/integration/tesseract-ocr.test.ts; here it reads "Trang N" on page N.
const tesseract = vi.hoisted(() => ({ recognize: vi.fn() }));
vi.mock("#adapters/local/tesseract-ocr.ts", () => ({
  TesseractOcrEngine: class {
    readonly name = "tesseract";
    recognize = tesseract.recognize;
  },
}));
vi.mock("#domain/extraction/extract-case.ts", async () => {
  const { extractedCase } = await import("../support/cases.ts");
  return { extractCase: (text: string) => extractedCase({ subject: text.includes("Nguyễn Thị Hồng Nhung") ? "read" : null }) };
});

const { handler } = await import("../../functions/recognize-page/handler.ts");

const s3 = mockClient(S3Client);
const documents = mockClient(DynamoDBDocumentClient);
capturedLogs();

const event = loadEvent<SQSEvent>("sqs-ocr-page");
const task = JSON.parse((event.Records[0] as SQSRecord).body) as { jobId: string; source: { key: string; versionId: string }; pageNumber: number; pageCount: number };
const jobPk = `OCRJOB#${task.jobId}`;
const pageKey = (n: number) => ({ pk: jobPk, sk: `PAGE#0000${n}` });
/** The upload: three scanned pages without a text layer. */
let scannedPdf: Uint8Array;
let caseId: string;
const pendingJob = () => ({ pk: jobPk, sk: "OCRJOB", jobId: task.jobId, caseId, source: task.source, receivedAt: "2025-03-14T02:15:42.512Z" });

/** Page `n` of the sample message's job. */
function pageMessage(pageNumber: number): SQSEvent {
  const record = event.Records[0] as SQSRecord;
  return { Records: [{ ...record, messageId: `page-${pageNumber}`, body: JSON.stringify({ ...task, pageNumber }) }] };
}
const failedIds = async (sqsEvent: SQSEvent) => (await handler(sqsEvent, lambdaContext())).batchItemFailures.map((failure) => failure.itemIdentifier);
/** The pages done after this page's update, as DynamoDB returns the number set. */
const doneAfterUpdate = (pages: number[]) => documents.on(UpdateCommand).resolves({ Attributes: { done: new Set(pages) } });

beforeAll(async () => {
  scannedPdf = await renderScannedPdf(3);
  caseId = createHash("sha256").update(scannedPdf).digest("hex").slice(0, 32);
});

beforeEach(() => {
  s3.reset();
  documents.reset();
  tesseract.recognize.mockReset();
  tesseract.recognize.mockImplementation(async (_document: SourceDocument, options?: RecognizeOptions) => (options?.pages ?? [1]).map(page));
  documents.on(GetCommand).resolves({});
  documents.on(GetCommand, { Key: { pk: jobPk, sk: "OCRJOB" } }).resolves({ Item: pendingJob() });
  documents.on(PutCommand).resolves({});
  documents.on(QueryCommand).resolves({ Items: [] });
  documents.on(QueryCommand, { ExpressionAttributeValues: { ":pk": jobPk, ":page": "PAGE#" } }).resolves({
    Items: [1, 2, 3].map((n) => ({ ...pageKey(n), page: gzipSync(JSON.stringify(page(n))) })),
  });
  documents.on(TransactWriteCommand).resolves({});
  documents.on(DeleteCommand).resolves({});
  s3.on(GetObjectCommand).resolves({
    Body: { transformToByteArray: async () => scannedPdf },
    ContentLength: scannedPdf.length,
    ContentType: "application/pdf",
    VersionId: task.source.versionId,
  } as never);
});

describe("recognize-page", () => {
  it("recognises only its page of the stored scan and keeps it gzipped beside the job, counted as done", async () => {
    doneAfterUpdate([2]);

    expect(await failedIds(pageMessage(2))).toEqual([]);

    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Key: task.source.key, VersionId: task.source.versionId });
    expect(tesseract.recognize).toHaveBeenCalledWith(expect.objectContaining({ mediaType: "application/pdf" }), { pages: [2] });
    const stored = documents.commandCalls(PutCommand).map((call) => call.args[0].input.Item!);
    expect(stored).toEqual([expect.objectContaining({ ...pageKey(2), entity: "ocr-page" })]);
    expect(JSON.parse(gunzipSync(stored[0]!.page as Uint8Array).toString("utf8"))).toEqual(page(2));
    expect(documents).toHaveReceivedCommandWith(UpdateCommand, { Key: { pk: jobPk, sk: "PAGES" }, ExpressionAttributeValues: expect.objectContaining({ ":page": new Set([2]) }) });
  });

  it("finishes nothing while other pages are still out", async () => {
    doneAfterUpdate([1, 2]);

    expect(await failedIds(pageMessage(2))).toEqual([]);

    expect(casesWritten(documents)).toEqual([]);
    expect(documents).not.toHaveReceivedCommand(DeleteCommand);
  });

  it("with the last page in, files the case read from all pages with the intake code and forgets the job", async () => {
    doneAfterUpdate([1, 2, 3]);

    expect(await failedIds(pageMessage(3))).toEqual([]);

    expect(casesWritten(documents)).toEqual([expect.objectContaining({ caseId, subject: "read", textSource: "ocr", pageCount: 3, receivedAt: pendingJob().receivedAt })]);
    expect(documents).toHaveReceivedCommandWith(DeleteCommand, { Key: { pk: jobPk, sk: "OCRJOB" } });
  });

  it("does not recognise a redelivered page again, and still counts it", async () => {
    documents.on(GetCommand, { Key: pageKey(2) }).resolves({ Item: pageKey(2) });
    doneAfterUpdate([1, 2]);

    expect(await failedIds(pageMessage(2))).toEqual([]);

    expect(tesseract.recognize).not.toHaveBeenCalled();
    expect(documents).not.toHaveReceivedCommand(PutCommand);
    expect(documents).toHaveReceivedCommand(UpdateCommand);
  });

  it("leaves a document already on file alone when a page of it arrives again", async () => {
    documents.on(GetCommand, { Key: { pk: jobPk, sk: "OCRJOB" } }).resolves({});
    documents.on(GetCommand, { Key: { pk: `CASE#${caseId}` } }).resolves({ Item: { pk: `CASE#${caseId}` } });
    documents.on(GetCommand, { Key: pageKey(3) }).resolves({ Item: pageKey(3) });
    doneAfterUpdate([1, 2, 3]);

    expect(await failedIds(pageMessage(3))).toEqual([]);
    expect(casesWritten(documents)).toEqual([]);
  });

  it("returns the last page to the queue while intake has not yet recorded the job", async () => {
    documents.on(GetCommand, { Key: { pk: jobPk, sk: "OCRJOB" } }).resolves({});
    doneAfterUpdate([1, 2, 3]);

    expect(await failedIds(pageMessage(3))).toEqual(["page-3"]);
    expect(casesWritten(documents)).toEqual([]);
  });

  it("keeps a blank page as a page without text", async () => {
    tesseract.recognize.mockRejectedValue(new NoTextFoundError());
    doneAfterUpdate([2]);

    expect(await failedIds(pageMessage(2))).toEqual([]);

    const stored = documents.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(JSON.parse(gunzipSync(stored.page as Uint8Array).toString("utf8"))).toEqual({ pageNumber: 2, source: "ocr", lines: [] });
  });

  it("fails a message that is not a page task, without reading anything", async () => {
    const record = event.Records[0] as SQSRecord;
    expect(await failedIds({ Records: [{ ...record, body: JSON.stringify({ ...task, pageNumber: 0 }) }] })).toEqual([record.messageId]);
    expect(s3.calls()).toHaveLength(0);
  });
});
