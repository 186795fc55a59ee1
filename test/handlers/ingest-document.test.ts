import "../support/lambda-env.ts";
import { casesWritten } from "../support/case-writes.ts";
import "aws-sdk-client-mock-vitest/extend";
import { createHash } from "node:crypto";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import {
  BadDocumentException,
  DetectDocumentTextCommand,
  StartDocumentTextDetectionCommand,
  TextractClient,
  ThrottlingException,
  type Block,
} from "@aws-sdk/client-textract";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clientRequestTokenFor } from "#adapters/aws/textract-ocr.ts";
import { renderScannedPdf, renderTextPdf, TINY_PNG } from "../../scripts/pdf/render-text-pdf.ts";
import { storedCase } from "../support/cases.ts";
import { lambdaContext, loadEvent, sqsS3Event } from "../support/events.ts";
import { idempotencyTable } from "../support/idempotency-table.ts";
import { capturedLogs } from "../support/logs.ts";
import { reason, type ReasonCode } from "#domain/review-reasons.ts";

vi.mock("#domain/extraction/extract-case.ts", async () => {
  const { extractedCase: sample } = await import("../support/cases.ts");
  return { extractCase: () => sample() };
});

const { handler } = await import("../../functions/ingest-document/handler.ts");

const s3 = mockClient(S3Client);
const documents = mockClient(DynamoDBDocumentClient);
const textract = mockClient(TextractClient);
let idempotency: ReturnType<typeof idempotencyTable>;
const logs = capturedLogs();

/** The key in events/sqs-s3-put.json: a three-page scanned PDF here. */
const SAMPLE_KEY = "courts/tand-phu-ly/2025/03/14/3f1c2a9e-7b1d-4c55-9a0e-2d4b8f6e1a77/Bản án số 12-2017-DS-ST (Nguyễn Văn H)+phụ lục.pdf";
const SCAN_KEY = "courts/tand-phu-ly/2025/03/14/9b2d4f6a-8c0e-4a1b-9c3d-5e7f9a1b3c5d/Quyết định 05 ảnh chụp.png";
const keyFor = (uploadId: string, fileName: string) => `courts/tand-phu-ly/2025/03/14/${uploadId}/${fileName}`;
const DIGITAL_KEY = keyFor("7c4e2a1b-3d5f-4e6a-8b9c-0d1e2f3a4b5c", "Bản án 12-2017-DS-ST.pdf");
const ONE_PAGE_SCAN_KEY = keyFor("9b2d4f6a-8c0e-4a1b-9c3d-5e7f9a1b3c5d", "Quyết định 05 bản quét.pdf");

const JUDGMENT = [
  "TÒA ÁN NHÂN DÂN THÀNH PHỐ PHỦ LÝ\nBản án số: 12/2017/DS-ST\nNgày: 14 - 11 - 2017",
  "QUYẾT ĐỊNH:\nBuộc ông Trần Văn T phải trả cho bà Nguyễn Thị H số tiền 150.000.000 đồng.",
];
/** Real-shaped uploads: pdfkit PDFs with and without a text layer, a PNG image. */
const fixtures = {} as { digitalPdf: Uint8Array; scannedPdf: Uint8Array; onePageScan: Uint8Array; encryptedPdf: Uint8Array; png: Uint8Array };
const PNG_BYTES = TINY_PNG;

/** Textract's answer for one page: a PAGE block and its LINE blocks. */
const textractLines = (...lines: string[]): { Blocks: Block[]; DocumentMetadata: { Pages: number } } => ({
  DocumentMetadata: { Pages: 1 },
  Blocks: [
    { BlockType: "PAGE" },
    ...lines.map((text, i): Block => ({ BlockType: "LINE", Text: text, Confidence: 98, Geometry: { BoundingBox: { Left: 0.1, Top: 0.1 + i * 0.03, Width: 0.6, Height: 0.02 } } })),
  ],
});

const caseIdOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 32);

function storedObject(bytes: Uint8Array, contentType: string) {
  return {
    Body: { transformToByteArray: async () => bytes, transformToWebStream: () => new ReadableStream() },
    ContentLength: bytes.length,
    ContentType: contentType,
    VersionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd",
  } as never;
}

beforeAll(async () => {
  fixtures.digitalPdf = await renderTextPdf(JUDGMENT);
  fixtures.scannedPdf = await renderScannedPdf(3);
  fixtures.onePageScan = await renderScannedPdf(1);
  fixtures.encryptedPdf = await renderTextPdf(JUDGMENT, { userPassword: "bi-mat" });
});

function conditionFailed(): TransactionCanceledException {
  return new TransactionCanceledException({ message: "Transaction cancelled", $metadata: {}, CancellationReasons: [{ Code: "ConditionalCheckFailed" }, { Code: "None" }] });
}

const failedIds = async (event: SQSEvent) => (await handler(event, lambdaContext())).batchItemFailures.map((failure) => failure.itemIdentifier);

/** Stores `bytes` under `key` in the mocked uploads bucket. */
const upload = (key: string, bytes: Uint8Array, contentType: string) => s3.on(GetObjectCommand, { Key: key }).resolves(storedObject(bytes, contentType));


beforeEach(() => {
  s3.reset();
  documents.reset();
  textract.reset();
  idempotency = idempotencyTable();
  upload(SAMPLE_KEY, fixtures.scannedPdf, "application/pdf");
  upload(SCAN_KEY, PNG_BYTES, "image/png");
  upload(DIGITAL_KEY, fixtures.digitalPdf, "application/pdf");
  upload(ONE_PAGE_SCAN_KEY, fixtures.onePageScan, "application/pdf");
  documents.on(GetCommand).resolves({});
  documents.on(QueryCommand).resolves({ Items: [] });
  documents.on(TransactWriteCommand).resolves({});
  documents.on(PutCommand).resolves({});
  textract.on(DetectDocumentTextCommand).resolves(textractLines("TÒA ÁN NHÂN DÂN THÀNH PHỐ PHỦ LÝ", "Quyết định số: 05/2017/QĐST-DS"));
  textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: "job-8f1c6d2e" });
});

afterEach(() => idempotency.client.restore());

describe("ingest-document", () => {
  it("reads a scanned image at once and writes its case, keeping the original's location", async () => {
    expect(await failedIds(sqsS3Event({ key: SCAN_KEY }))).toEqual([]);

    const [written] = casesWritten(documents);
    expect(written).toMatchObject({
      caseId: caseIdOf(PNG_BYTES),
      caseNumber: "12/2017/DS-ST",
      status: "extracted",
      agencyId: "ha-nam-phu-ly",
      textSource: "ocr",
      source: { bucket: "thads-stateful-uploadsbucket5e5e9b64-1x2y3z4w5v6u", key: SCAN_KEY, versionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd", courtId: "tand-phu-ly", mediaType: "image/png" },
    });
    expect(textract).toHaveReceivedCommandTimes(DetectDocumentTextCommand, 1);
    expect(textract).toHaveReceivedCommandWith(DetectDocumentTextCommand, { Document: { Bytes: PNG_BYTES } });
  });

  it("reads a digital PDF from its own text layer, without calling Textract", async () => {
    expect(await failedIds(sqsS3Event({ key: DIGITAL_KEY }))).toEqual([]);

    expect(casesWritten(documents)).toEqual([expect.objectContaining({ caseId: caseIdOf(fixtures.digitalPdf), textSource: "text-layer", pageCount: 2 })]);
    expect(textract.calls()).toHaveLength(0);
  });

  it("decodes the URL-encoded Vietnamese key, with + for spaces and %2B for a real plus, before reading the object", async () => {
    await failedIds(loadEvent<SQSEvent>("sqs-s3-put"));

    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Key: SAMPLE_KEY, VersionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd" });
  });

  it("reads a one-page scanned PDF at once with Textract's synchronous API", async () => {
    expect(await failedIds(sqsS3Event({ key: ONE_PAGE_SCAN_KEY }))).toEqual([]);

    expect(textract).toHaveReceivedCommandWith(DetectDocumentTextCommand, { Document: { Bytes: fixtures.onePageScan } });
    expect(textract).toHaveReceivedCommandTimes(StartDocumentTextDetectionCommand, 0);
    expect(casesWritten(documents)).toEqual([expect.objectContaining({ caseId: caseIdOf(fixtures.onePageScan), textSource: "ocr", pageCount: 1 })]);
  });

  it("starts one asynchronous OCR job for a multi-page PDF and records it for the completion handler", async () => {
    expect(await failedIds(loadEvent<SQSEvent>("sqs-s3-put"))).toEqual([]);

    const source = { bucket: "thads-stateful-uploadsbucket5e5e9b64-1x2y3z4w5v6u", key: SAMPLE_KEY, versionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd" };
    expect(textract).toHaveReceivedCommandWith(StartDocumentTextDetectionCommand, {
      DocumentLocation: { S3Object: { Bucket: source.bucket, Name: SAMPLE_KEY, Version: source.versionId } },
      ClientRequestToken: clientRequestTokenFor(source),
      NotificationChannel: { SNSTopicArn: process.env.TEXTRACT_TOPIC_ARN, RoleArn: process.env.TEXTRACT_ROLE_ARN },
    });
    expect(textract).toHaveReceivedCommandTimes(DetectDocumentTextCommand, 0);
    expect(documents).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ pk: "OCRJOB#job-8f1c6d2e", caseId: caseIdOf(fixtures.scannedPdf) }) });
    expect(casesWritten(documents)).toHaveLength(0);
  });

  it("handles a redelivered message once: the object is read and the case written a single time", async () => {
    const event = sqsS3Event({ key: SCAN_KEY });
    await failedIds(event);
    expect(await failedIds(event)).toEqual([]);

    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(1);
    expect(casesWritten(documents)).toHaveLength(1);
  });

  it("does not make a second case from the same bytes uploaded under another key", async () => {
    const otherKey = SCAN_KEY.replace("9b2d4f6a-8c0e-4a1b-9c3d-5e7f9a1b3c5d", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    s3.on(GetObjectCommand, { Key: otherKey }).resolves(storedObject(PNG_BYTES, "image/png"));
    await failedIds(sqsS3Event({ key: SCAN_KEY }));
    documents.on(GetCommand).resolves({ Item: { pk: `CASE#${caseIdOf(PNG_BYTES)}` } });

    expect(await failedIds(sqsS3Event({ key: otherKey, messageId: "second-upload" }))).toEqual([]);
    expect(casesWritten(documents)).toHaveLength(1);
    expect(textract).toHaveReceivedCommandTimes(DetectDocumentTextCommand, 1);
  });

  it("treats losing the race to write the same content as a duplicate, not a failure", async () => {
    documents.on(TransactWriteCommand).rejects(conditionFailed());

    expect(await failedIds(sqsS3Event({ key: SCAN_KEY }))).toEqual([]);
  });

  it("returns a message still throttled by Textract to the queue and writes its case when it comes back", async () => {
    textract
      .on(DetectDocumentTextCommand)
      .rejectsOnce(new ThrottlingException({ message: "Rate exceeded", $metadata: {} }))
      .resolves(textractLines("TÒA ÁN NHÂN DÂN THÀNH PHỐ PHỦ LÝ"));
    const event = sqsS3Event({ key: SCAN_KEY });

    expect(await failedIds(event)).toEqual([event.Records[0]?.messageId]);
    expect(casesWritten(documents)).toHaveLength(0);
    expect(idempotency.records.size).toBe(0);

    expect(await failedIds(event)).toEqual([]);
    expect(casesWritten(documents)).toHaveLength(1);
  });

  describe("an upload that cannot be read", () => {
    const unreadable: Array<[string, string, () => Uint8Array, string, ReasonCode]> = [
      ["an empty file", "Bản án trống.pdf", () => new Uint8Array(), "application/pdf", "document.empty"],
      ["a password-protected PDF", "Bản án có mật khẩu.pdf", () => fixtures.encryptedPdf, "application/pdf", "document.encrypted"],
      ["a PDF cut off mid-upload", "Bản án dở dang.pdf", () => fixtures.digitalPdf.subarray(0, 900), "application/pdf", "document.truncated"],
      ["an image that is not what its name says", "Ảnh hỏng.png", () => Uint8Array.from([0x00, 0x9c, 0xff, 0x01, 0x7f, 0x00]), "image/png", "document.corrupt"],
      ["a Word file", "Bản án.docx", () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), "application/octet-stream", "document.unsupported-type"],
    ];

    it.each(unreadable)("files %s as a case for review with the reason, keeping the original and not retrying", async (_, fileName, bytes, contentType, code) => {
      const key = keyFor("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", fileName);
      upload(key, bytes(), contentType);

      expect(await failedIds(sqsS3Event({ key }))).toEqual([]);

      expect(casesWritten(documents)).toEqual([
        expect.objectContaining({
          caseId: caseIdOf(bytes()),
          status: "needs_review",
          reviewReasons: [reason(code, {}).message],
          reviewCodes: [code],
          textSource: "none",
          pageCount: 0,
          source: expect.objectContaining({ key, versionId: "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd" }),
        }),
      ]);
      expect(textract.calls()).toHaveLength(0);
    });

    it("files a scan Textract refuses as damaged for review instead of retrying it", async () => {
      textract.on(DetectDocumentTextCommand).rejects(new BadDocumentException({ message: "Unable to read the document", $metadata: {} }));

      expect(await failedIds(sqsS3Event({ key: SCAN_KEY }))).toEqual([]);

      expect(casesWritten(documents)).toEqual([expect.objectContaining({ status: "needs_review", reviewCodes: ["document.corrupt"] })]);
    });

    it("files a scan in which Textract found no text for review", async () => {
      textract.on(DetectDocumentTextCommand).resolves(textractLines());

      expect(await failedIds(sqsS3Event({ key: SCAN_KEY }))).toEqual([]);

      expect(casesWritten(documents)).toEqual([expect.objectContaining({ status: "needs_review", reviewCodes: ["document.no-text"] })]);
    });
  });

  it("fails poison messages alone, so they reach the dead-letter queue while the rest of the batch succeeds", async () => {
    const good = sqsS3Event({ key: SCAN_KEY }).Records[0] as SQSRecord;
    const notJson = { ...good, messageId: "poison-not-json", body: "<Error>AccessDenied</Error>" };
    const notAnS3Event = { ...good, messageId: "poison-wrong-shape", body: JSON.stringify({ Records: [{ eventSource: "aws:sqs" }] }) };
    const outsideLayout = sqsS3Event({ key: "tmp/Bản án.pdf", messageId: "poison-outside-layout" }).Records[0] as SQSRecord;

    const failed = await failedIds({ Records: [good, notJson, notAnS3Event, outsideLayout] });

    expect(failed.sort()).toEqual(["poison-not-json", "poison-outside-layout", "poison-wrong-shape"]);
    expect(casesWritten(documents)).toHaveLength(1);
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

    expect(casesWritten(documents)[0]).toMatchObject({ status: "needs_review", reviewReasons: [reason("case.duplicate-number", { caseIds: "1f2e3d4c5b6a79881f2e3d4c5b6a7988" }).message] });
  });
});
