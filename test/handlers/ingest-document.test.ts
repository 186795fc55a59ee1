import "../support/lambda-env.ts";
import "aws-sdk-client-mock-vitest/extend";
import { createHash } from "node:crypto";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PageText } from "#ports/ocr-engine.ts";
import { storedCase } from "../support/cases.ts";
import { lambdaContext, loadEvent, sqsS3Event } from "../support/events.ts";
import { idempotencyTable } from "../support/idempotency-table.ts";
import { capturedLogs } from "../support/logs.ts";

const ocr = vi.hoisted(() => ({ recognize: vi.fn(), startJob: vi.fn(), collectJob: vi.fn() }));
vi.mock("#adapters/aws/ocr-engine.ts", () => ({ textractOcrEngine: () => ({ name: "textract", ...ocr }) }));
vi.mock("#domain/extraction/extract-case.ts", async () => {
  const { extractedCase: sample } = await import("../support/cases.ts");
  return { extractCase: () => sample() };
});

const { handler } = await import("../../functions/ingest-document/handler.ts");

const s3 = mockClient(S3Client);
const documents = mockClient(DynamoDBDocumentClient);
let idempotency: ReturnType<typeof idempotencyTable>;
const logs = capturedLogs();

const SAMPLE_KEY = "courts/tand-phu-ly/2025/03/14/3f1c2a9e-7b1d-4c55-9a0e-2d4b8f6e1a77/Bản án số 12-2017-DS-ST (Nguyễn Văn H)+phụ lục.pdf";
const SCAN_KEY = "courts/tand-phu-ly/2025/03/14/9b2d4f6a-8c0e-4a1b-9c3d-5e7f9a1b3c5d/Quyết định 05 ảnh chụp.png";
const PDF_BYTES = new TextEncoder().encode("%PDF-1.7 scanned judgment, three pages");
const PNG_BYTES = new TextEncoder().encode("\x89PNG scanned decision");
const OCR_PAGE: PageText = { pageNumber: 1, source: "ocr", lines: [{ text: "TÒA ÁN NHÂN DÂN THÀNH PHỐ PHỦ LÝ", confidence: 0.98, box: null }] };

const caseIdOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 32);

function storedObject(bytes: Uint8Array, contentType: string) {
  return {
    Body: { transformToByteArray: async () => bytes, transformToWebStream: () => new ReadableStream() },
    ContentLength: bytes.length,
    ContentType: contentType,
    VersionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd",
  } as never;
}

function throttling(): Error {
  return Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException", $metadata: { httpStatusCode: 400 } });
}

function conditionFailed(): TransactionCanceledException {
  return new TransactionCanceledException({ message: "Transaction cancelled", $metadata: {}, CancellationReasons: [{ Code: "ConditionalCheckFailed" }, { Code: "None" }] });
}

const failedIds = async (event: SQSEvent) => (await handler(event, lambdaContext())).batchItemFailures.map((failure) => failure.itemIdentifier);

/** The case items written by TransactWrite calls so far. */
function casesWritten() {
  return documents
    .commandCalls(TransactWriteCommand)
    .map((call) => call.args[0].input.TransactItems?.[0]?.Put?.Item)
    .filter((item) => item?.entity === "case");
}

beforeEach(() => {
  s3.reset();
  documents.reset();
  idempotency = idempotencyTable();
  for (const mock of Object.values(ocr)) mock.mockReset();
  s3.on(GetObjectCommand, { Key: SAMPLE_KEY }).resolves(storedObject(PDF_BYTES, "application/pdf"));
  s3.on(GetObjectCommand, { Key: SCAN_KEY }).resolves(storedObject(PNG_BYTES, "image/png"));
  documents.on(GetCommand).resolves({});
  documents.on(QueryCommand).resolves({ Items: [] });
  documents.on(TransactWriteCommand).resolves({});
  documents.on(PutCommand).resolves({});
  ocr.recognize.mockResolvedValue([OCR_PAGE]);
  ocr.startJob.mockResolvedValue("job-8f1c6d2e");
});

afterEach(() => idempotency.client.restore());

describe("ingest-document", () => {
  it("reads a scanned image at once and writes its case, keeping the original's location", async () => {
    expect(await failedIds(sqsS3Event({ key: SCAN_KEY }))).toEqual([]);

    const [written] = casesWritten();
    expect(written).toMatchObject({
      caseId: caseIdOf(PNG_BYTES),
      caseNumber: "12/2017/DS-ST",
      status: "extracted",
      agencyId: "ha-nam-phu-ly",
      textSource: "ocr",
      source: { bucket: "thads-stateful-uploadsbucket5e5e9b64-1x2y3z4w5v6u", key: SCAN_KEY, versionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd", courtId: "tand-phu-ly" },
    });
    expect(ocr.recognize).toHaveBeenCalledOnce();
  });

  it("decodes the URL-encoded Vietnamese key, with + for spaces and %2B for a real plus, before reading the object", async () => {
    await failedIds(loadEvent<SQSEvent>("sqs-s3-put"));

    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Key: SAMPLE_KEY, VersionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd" });
  });

  it("reads a one-page scanned PDF at once", async () => {
    const onePage = new TextEncoder().encode("%PDF-1.4\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n%%EOF");
    const key = SCAN_KEY.replace("ảnh chụp.png", "bản quét.pdf");
    s3.on(GetObjectCommand, { Key: key }).resolves(storedObject(onePage, "application/pdf"));

    expect(await failedIds(sqsS3Event({ key }))).toEqual([]);
    expect(ocr.startJob).not.toHaveBeenCalled();
    expect(casesWritten()).toEqual([expect.objectContaining({ caseId: caseIdOf(onePage), textSource: "ocr" })]);
  });

  it("starts one asynchronous OCR job for a multi-page PDF and records it for the completion handler", async () => {
    expect(await failedIds(loadEvent<SQSEvent>("sqs-s3-put"))).toEqual([]);

    expect(ocr.startJob).toHaveBeenCalledWith(expect.objectContaining({ key: SAMPLE_KEY }), expect.stringMatching(/^[0-9a-f]{64}$/));
    expect(documents).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ pk: "OCRJOB#job-8f1c6d2e", caseId: caseIdOf(PDF_BYTES) }) });
    expect(casesWritten()).toHaveLength(0);
  });

  it("handles a redelivered message once: the object is read and the case written a single time", async () => {
    const event = sqsS3Event({ key: SCAN_KEY });
    await failedIds(event);
    expect(await failedIds(event)).toEqual([]);

    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(1);
    expect(casesWritten()).toHaveLength(1);
  });

  it("does not make a second case from the same bytes uploaded under another key", async () => {
    const otherKey = SCAN_KEY.replace("9b2d4f6a-8c0e-4a1b-9c3d-5e7f9a1b3c5d", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    s3.on(GetObjectCommand, { Key: otherKey }).resolves(storedObject(PNG_BYTES, "image/png"));
    await failedIds(sqsS3Event({ key: SCAN_KEY }));
    documents.on(GetCommand).resolves({ Item: { pk: `CASE#${caseIdOf(PNG_BYTES)}` } });

    expect(await failedIds(sqsS3Event({ key: otherKey, messageId: "second-upload" }))).toEqual([]);
    expect(casesWritten()).toHaveLength(1);
    expect(ocr.recognize).toHaveBeenCalledOnce();
  });

  it("treats losing the race to write the same content as a duplicate, not a failure", async () => {
    documents.on(TransactWriteCommand).rejects(conditionFailed());

    expect(await failedIds(sqsS3Event({ key: SCAN_KEY }))).toEqual([]);
  });

  it("returns a throttled message to the queue and writes its case when it comes back", async () => {
    ocr.recognize.mockRejectedValueOnce(throttling());
    const event = sqsS3Event({ key: SCAN_KEY });

    expect(await failedIds(event)).toEqual([event.Records[0]?.messageId]);
    expect(casesWritten()).toHaveLength(0);
    expect(idempotency.records.size).toBe(0);

    expect(await failedIds(event)).toEqual([]);
    expect(casesWritten()).toHaveLength(1);
  });

  it("fails poison messages alone, so they reach the dead-letter queue while the rest of the batch succeeds", async () => {
    const good = sqsS3Event({ key: SCAN_KEY }).Records[0] as SQSRecord;
    const notJson = { ...good, messageId: "poison-not-json", body: "<Error>AccessDenied</Error>" };
    const notAnS3Event = { ...good, messageId: "poison-wrong-shape", body: JSON.stringify({ Records: [{ eventSource: "aws:sqs" }] }) };
    const outsideLayout = sqsS3Event({ key: "tmp/Bản án.pdf", messageId: "poison-outside-layout" }).Records[0] as SQSRecord;

    const failed = await failedIds({ Records: [good, notJson, notAnS3Event, outsideLayout] });

    expect(failed.sort()).toEqual(["poison-not-json", "poison-outside-layout", "poison-wrong-shape"]);
    expect(casesWritten()).toHaveLength(1);
  });

  it("acknowledges S3's test event without reading anything", async () => {
    expect(await failedIds(loadEvent<SQSEvent>("sqs-s3-test-event"))).toEqual([]);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it("logs ids but never the file name or party names", async () => {
    await failedIds(sqsS3Event({ key: SCAN_KEY }));
    await failedIds(loadEvent<SQSEvent>("sqs-s3-put"));

    expect(logs.text()).toContain(caseIdOf(PNG_BYTES));
    for (const personal of ["Nguyễn", "Trần Thị Bích", "Quyết định 05", "Bản án"]) expect(logs.text()).not.toContain(personal);
  });

  it("flags a second scan of a judgment already on file for review", async () => {
    documents.on(QueryCommand).resolves({ Items: [{ caseId: "1f2e3d4c5b6a79881f2e3d4c5b6a7988" }] });
    documents.on(BatchGetCommand).resolves({ Responses: { "thads-cases": [storedCase({ caseId: "1f2e3d4c5b6a79881f2e3d4c5b6a7988" })] } });

    await failedIds(sqsS3Event({ key: SCAN_KEY }));

    expect(casesWritten()[0]).toMatchObject({ status: "needs_review", reviewReasons: ["case number also on case 1f2e3d4c5b6a79881f2e3d4c5b6a7988"] });
  });
});
