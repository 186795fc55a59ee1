import "../support/lambda-env.ts";
import "aws-sdk-client-mock-vitest/extend";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { TextractClient } from "@aws-sdk/client-textract";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSEvent } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientRequestTokenFor } from "#adapters/aws/textract-ocr.ts";
import { renderScannedPdf, TINY_PNG } from "../../scripts/pdf/render-text-pdf.ts";
import { casesWritten } from "../support/case-writes.ts";
import { lambdaContext, loadEvent, sqsS3Event } from "../support/events.ts";
import { idempotencyTable } from "../support/idempotency-table.ts";
import { capturedLogs } from "../support/logs.ts";

// As deployed: Tesseract in the container function, pages sent to its queue.
process.env.OCR_ENGINE = "tesseract";
const PAGE_QUEUE = process.env.OCR_PAGE_QUEUE_URL;
const { handler } = await import("../../functions/ingest-document/handler.ts");

const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
const textract = mockClient(TextractClient);
const documents = mockClient(DynamoDBDocumentClient);
let idempotency: ReturnType<typeof idempotencyTable>;
capturedLogs();

/** The key in events/sqs-s3-put.json. */
const SAMPLE_KEY = "courts/tand-phu-ly/2025/03/14/3f1c2a9e-7b1d-4c55-9a0e-2d4b8f6e1a77/Bản án số 12-2017-DS-ST (Nguyễn Văn H)+phụ lục.pdf";
const PHOTO_KEY = "courts/tand-phu-ly/2025/03/14/9b2d4f6a-8c0e-4a1b-9c3d-5e7f9a1b3c5d/Quyết định 05 ảnh chụp.png";
const BUCKET = "thads-stateful-uploadsbucket5e5e9b64-1x2y3z4w5v6u";
const VERSION = "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd";
let scannedPdf: Uint8Array;

const stored = (bytes: Uint8Array, contentType: string) =>
  ({ Body: { transformToByteArray: async () => bytes }, ContentLength: bytes.length, ContentType: contentType, VersionId: VERSION }) as never;
const sentTasks = () =>
  sqs.commandCalls(SendMessageBatchCommand).flatMap((call) => (call.args[0].input.Entries ?? []).map((entry) => JSON.parse(entry.MessageBody!) as Record<string, unknown>));
const failedIds = async (event: SQSEvent) => (await handler(event, lambdaContext())).batchItemFailures.map((failure) => failure.itemIdentifier);

beforeAll(async () => {
  scannedPdf = await renderScannedPdf(12);
});

beforeEach(() => {
  s3.reset();
  sqs.reset();
  textract.reset();
  documents.reset();
  idempotency = idempotencyTable();
  s3.on(GetObjectCommand, { Key: SAMPLE_KEY }).resolves(stored(scannedPdf, "application/pdf"));
  s3.on(GetObjectCommand, { Key: PHOTO_KEY }).resolves(stored(TINY_PNG, "image/png"));
  documents.on(GetCommand).resolves({});
  documents.on(QueryCommand).resolves({ Items: [] });
  documents.on(TransactWriteCommand).resolves({});
  documents.on(PutCommand).resolves({});
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
});

afterEach(() => idempotency.client.restore());

describe("ingest-document with Tesseract (the default on AWS)", () => {
  it("sends each page of a 12-page scan to the page queue, in batches of ten, and records the job for the last page", async () => {
    expect(await failedIds(loadEvent<SQSEvent>("sqs-s3-put"))).toEqual([]);

    const source = { bucket: BUCKET, key: SAMPLE_KEY, versionId: VERSION };
    const jobId = clientRequestTokenFor(source);
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 2);
    expect(sqs).toHaveReceivedCommandWith(SendMessageBatchCommand, { QueueUrl: PAGE_QUEUE });
    expect(sentTasks()).toEqual(Array.from({ length: 12 }, (_, i) => ({ jobId, source, pageNumber: i + 1, pageCount: 12 })));
    expect(documents).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ pk: `OCRJOB#${jobId}`, jobId, source: expect.objectContaining(source) }) });
    expect(textract.calls()).toHaveLength(0);
    expect(casesWritten(documents)).toEqual([]);
  });

  it("sends even a one-page photo to the page queue: the intake function has no Tesseract", async () => {
    expect(await failedIds(sqsS3Event({ key: PHOTO_KEY }))).toEqual([]);

    expect(sentTasks()).toEqual([expect.objectContaining({ pageNumber: 1, pageCount: 1 })]);
    expect(textract.calls()).toHaveLength(0);
  });

  it("returns the upload to its queue when the page queue refuses pages, and records no job", async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: "3", Code: "InternalError", SenderFault: false }] });
    const event = loadEvent<SQSEvent>("sqs-s3-put");

    expect(await failedIds(event)).toEqual([event.Records[0]?.messageId]);
    expect(documents).not.toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ entity: "ocr-job" }) });
  });
});
