import "../support/lambda-env.ts";
import "aws-sdk-client-mock-vitest/extend";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OcrJobFailedError, type PageText } from "#ports/ocr-engine.ts";
import { OCR_FAILED_REASON } from "#use-cases/complete-ocr-job.ts";
import { lambdaContext, loadEvent } from "../support/events.ts";
import { idempotencyTable } from "../support/idempotency-table.ts";
import { capturedLogs } from "../support/logs.ts";

const ocr = vi.hoisted(() => ({ recognize: vi.fn(), startJob: vi.fn(), collectJob: vi.fn() }));
vi.mock("#adapters/aws/ocr-engine.ts", () => ({ textractOcrEngine: () => ({ name: "textract", ...ocr }) }));
vi.mock("#domain/extraction/extract-case.ts", async () => {
  const { extractedCase } = await import("../support/cases.ts");
  return { extractCase: (text: string) => extractedCase({ subject: text.length > 0 ? "read" : null }) };
});

const { handler } = await import("../../functions/complete-textract-job/handler.ts");

const s3 = mockClient(S3Client);
const documents = mockClient(DynamoDBDocumentClient);
let idempotency: ReturnType<typeof idempotencyTable>;
capturedLogs();

const JOB_ID = "8f1c6d2e9a7b4c3d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d";
const KEY = "courts/tand-phu-ly/2025/03/14/3f1c2a9e-7b1d-4c55-9a0e-2d4b8f6e1a77/Bản án số 12-2017-DS-ST (Nguyễn Văn H)+phụ lục.pdf";
const PDF_BYTES = new TextEncoder().encode("%PDF-1.7 scanned judgment, three pages");
const PAGES: PageText[] = [1, 2, 3].map((pageNumber) => ({ pageNumber, source: "ocr", lines: [{ text: `trang ${pageNumber}`, confidence: 0.97, box: null }] }));
const pendingJob = {
  pk: `OCRJOB#${JOB_ID}`,
  sk: "OCRJOB",
  jobId: JOB_ID,
  caseId: "64d323a50204c6774e0cce08f9865ae0",
  source: { bucket: "thads-uploads", key: KEY, versionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd" },
  receivedAt: "2025-03-14T02:15:42.512Z",
};

/** The sample completion notice, with another job status or SNS body. */
function completion(options: { status?: string; body?: string } = {}): SQSEvent {
  const event = loadEvent<SQSEvent>("sqs-textract-completion");
  const record = event.Records[0] as SQSRecord;
  const envelope = JSON.parse(record.body) as { Message: string };
  if (options.status) envelope.Message = JSON.stringify({ ...JSON.parse(envelope.Message), Status: options.status });
  return { Records: [{ ...record, body: options.body ?? JSON.stringify(envelope) }] };
}

const failedIds = async (event: SQSEvent) => (await handler(event, lambdaContext())).batchItemFailures.map((failure) => failure.itemIdentifier);
const casesWritten = () => documents.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems?.[0]?.Put?.Item);

beforeEach(() => {
  s3.reset();
  documents.reset();
  idempotency = idempotencyTable();
  for (const mock of Object.values(ocr)) mock.mockReset();
  documents.on(GetCommand, { Key: { pk: `OCRJOB#${JOB_ID}`, sk: "OCRJOB" } }).resolves({ Item: pendingJob });
  documents.on(QueryCommand).resolves({ Items: [] });
  documents.on(TransactWriteCommand).resolves({});
  documents.on(DeleteCommand).resolves({});
  s3.on(GetObjectCommand).resolves({
    Body: { transformToByteArray: async () => PDF_BYTES },
    ContentLength: PDF_BYTES.length,
    ContentType: "application/pdf",
    VersionId: pendingJob.source.versionId,
  } as never);
  ocr.collectJob.mockResolvedValue(PAGES);
});

afterEach(() => idempotency.client.restore());

describe("complete-textract-job", () => {
  it("collects the finished job's pages, writes the case and forgets the pending job", async () => {
    expect(await failedIds(loadEvent<SQSEvent>("sqs-textract-completion"))).toEqual([]);

    expect(ocr.collectJob).toHaveBeenCalledWith(JOB_ID);
    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Key: KEY, VersionId: pendingJob.source.versionId });
    expect(casesWritten()).toEqual([expect.objectContaining({ caseId: pendingJob.caseId, textSource: "ocr", pageCount: 3, receivedAt: pendingJob.receivedAt })]);
    expect(documents).toHaveReceivedCommandWith(DeleteCommand, { Key: { pk: `OCRJOB#${JOB_ID}`, sk: "OCRJOB" } });
  });

  it("handles a repeated completion notice once", async () => {
    await failedIds(completion());
    expect(await failedIds(completion())).toEqual([]);

    expect(ocr.collectJob).toHaveBeenCalledOnce();
    expect(casesWritten()).toHaveLength(1);
  });

  it("still records the upload, flagged for review, when the OCR job failed", async () => {
    expect(await failedIds(completion({ status: "FAILED" }))).toEqual([]);

    expect(ocr.collectJob).not.toHaveBeenCalled();
    expect(casesWritten()[0]).toMatchObject({ status: "needs_review", reviewReasons: [OCR_FAILED_REASON], textSource: "none" });
  });

  it("treats a job the engine reports as failed like a failed notice", async () => {
    ocr.collectJob.mockRejectedValue(new OcrJobFailedError(JOB_ID, "unsupported page size"));

    expect(await failedIds(completion())).toEqual([]);
    expect(casesWritten()[0]).toMatchObject({ status: "needs_review", reviewReasons: [OCR_FAILED_REASON] });
  });

  it("returns a notice for a job intake never recorded to the queue", async () => {
    documents.on(GetCommand, { Key: { pk: `OCRJOB#${JOB_ID}`, sk: "OCRJOB" } }).resolves({});
    const event = completion();

    expect(await failedIds(event)).toEqual([event.Records[0]?.messageId]);
  });

  it("fails a message that is not an SNS notification from Textract", async () => {
    const event = completion({ body: JSON.stringify({ JobId: JOB_ID, Status: "SUCCEEDED" }) });

    expect(await failedIds(event)).toEqual([event.Records[0]?.messageId]);
    expect(ocr.collectJob).not.toHaveBeenCalled();
  });
});
