import "../support/lambda-env.ts";
import { casesWritten } from "../support/case-writes.ts";
import "aws-sdk-client-mock-vitest/extend";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { GetDocumentTextDetectionCommand, TextractClient, type Block } from "@aws-sdk/client-textract";
import { mockClient } from "aws-sdk-client-mock";
import { createHash } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { OCR_FAILED_REASON } from "#use-cases/complete-ocr-job.ts";
import { renderScannedPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { lambdaContext, loadEvent } from "../support/events.ts";
import { idempotencyTable } from "../support/idempotency-table.ts";
import { capturedLogs } from "../support/logs.ts";

vi.mock("#domain/extraction/extract-case.ts", async () => {
  const { extractedCase } = await import("../support/cases.ts");
  return { extractCase: (text: string) => extractedCase({ subject: text.length > 0 ? "read" : null }) };
});

const { handler } = await import("../../functions/complete-textract-job/handler.ts");

const s3 = mockClient(S3Client);
const documents = mockClient(DynamoDBDocumentClient);
const textract = mockClient(TextractClient);
let idempotency: ReturnType<typeof idempotencyTable>;
capturedLogs();

const JOB_ID = "8f1c6d2e9a7b4c3d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d";
const KEY = "courts/tand-phu-ly/2025/03/14/3f1c2a9e-7b1d-4c55-9a0e-2d4b8f6e1a77/Bản án số 12-2017-DS-ST (Nguyễn Văn H)+phụ lục.pdf";
/** The upload the job reads: a three-page PDF of page images with no text layer (a scan). */
let scannedPdf: Uint8Array;
/** GetDocumentTextDetection's answer for the three pages: each page's PAGE block and one LINE. */
const JOB_RESULT = {
  JobStatus: "SUCCEEDED",
  DocumentMetadata: { Pages: 3 },
  Blocks: [1, 2, 3].flatMap((Page): Block[] => [
    { BlockType: "PAGE", Page },
    { BlockType: "LINE", Page, Text: `trang ${Page}`, Confidence: 97, Geometry: { BoundingBox: { Left: 0.1, Top: 0.1, Width: 0.3, Height: 0.02 } } },
  ]),
} as const;
const pendingJob = {
  pk: `OCRJOB#${JOB_ID}`,
  sk: "OCRJOB",
  jobId: JOB_ID,
  caseId: "",
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

beforeAll(async () => {
  scannedPdf = await renderScannedPdf(3);
  pendingJob.caseId = createHash("sha256").update(scannedPdf).digest("hex").slice(0, 32);
});

const failedIds = async (event: SQSEvent) => (await handler(event, lambdaContext())).batchItemFailures.map((failure) => failure.itemIdentifier);

beforeEach(() => {
  s3.reset();
  documents.reset();
  idempotency = idempotencyTable();
  textract.reset();
  documents.on(GetCommand, { Key: { pk: `OCRJOB#${JOB_ID}`, sk: "OCRJOB" } }).resolves({ Item: pendingJob });
  documents.on(QueryCommand).resolves({ Items: [] });
  documents.on(TransactWriteCommand).resolves({});
  documents.on(DeleteCommand).resolves({});
  s3.on(GetObjectCommand).resolves({
    Body: { transformToByteArray: async () => scannedPdf },
    ContentLength: scannedPdf.length,
    ContentType: "application/pdf",
    VersionId: pendingJob.source.versionId,
  } as never);
  textract.on(GetDocumentTextDetectionCommand).resolves(JOB_RESULT);
});

afterEach(() => idempotency.client.restore());

describe("complete-textract-job", () => {
  it("collects the finished job's pages, writes the case and forgets the pending job", async () => {
    expect(await failedIds(loadEvent<SQSEvent>("sqs-textract-completion"))).toEqual([]);

    expect(textract).toHaveReceivedCommandWith(GetDocumentTextDetectionCommand, { JobId: JOB_ID });
    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Key: KEY, VersionId: pendingJob.source.versionId });
    expect(casesWritten(documents)).toEqual([expect.objectContaining({ caseId: pendingJob.caseId, textSource: "ocr", pageCount: 3, receivedAt: pendingJob.receivedAt })]);
    expect(documents).toHaveReceivedCommandWith(DeleteCommand, { Key: { pk: `OCRJOB#${JOB_ID}`, sk: "OCRJOB" } });
  });

  it("handles a repeated completion notice once", async () => {
    await failedIds(completion());
    expect(await failedIds(completion())).toEqual([]);

    expect(textract).toHaveReceivedCommandTimes(GetDocumentTextDetectionCommand, 1);
    expect(casesWritten(documents)).toHaveLength(1);
  });

  it("still records the upload, flagged for review, when the OCR job failed", async () => {
    expect(await failedIds(completion({ status: "FAILED" }))).toEqual([]);

    expect(textract).toHaveReceivedCommandTimes(GetDocumentTextDetectionCommand, 0);
    expect(casesWritten(documents)[0]).toMatchObject({ caseId: pendingJob.caseId, status: "needs_review", reviewReasons: [OCR_FAILED_REASON.message], textSource: "none" });
  });

  it("treats a job Textract reports as failed like a failed notice", async () => {
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: "FAILED", StatusMessage: "unsupported page size" });

    expect(await failedIds(completion())).toEqual([]);
    expect(casesWritten(documents)[0]).toMatchObject({ status: "needs_review", reviewReasons: [OCR_FAILED_REASON.message] });
  });

  it("returns a notice for a job intake never recorded to the queue", async () => {
    documents.on(GetCommand, { Key: { pk: `OCRJOB#${JOB_ID}`, sk: "OCRJOB" } }).resolves({});
    const event = completion();

    expect(await failedIds(event)).toEqual([event.Records[0]?.messageId]);
  });

  it("fails a message that is not an SNS notification from Textract", async () => {
    const event = completion({ body: JSON.stringify({ JobId: JOB_ID, Status: "SUCCEEDED" }) });

    expect(await failedIds(event)).toEqual([event.Records[0]?.messageId]);
    expect(textract.calls()).toHaveLength(0);
  });

  it("files a scan in which the job found no text on any page for review", async () => {
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: "SUCCEEDED", DocumentMetadata: { Pages: 3 }, Blocks: [] });

    expect(await failedIds(completion())).toEqual([]);
    expect(casesWritten(documents)[0]).toMatchObject({ status: "needs_review", reviewCodes: ["document.no-text"], textSource: "none" });
  });
});
