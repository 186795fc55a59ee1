import {
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommand,
  TextractClient,
  ThrottlingException,
  UnsupportedDocumentException,
  type Block,
} from "@aws-sdk/client-textract";
import { mockClient } from "aws-sdk-client-mock";
import { allCustomMatcher } from "aws-sdk-client-mock-vitest";
import "aws-sdk-client-mock-vitest/extend";
import { beforeEach, describe, expect, it } from "vitest";
import { TEXTRACT_LIMITS, TextractOcrEngine, clientRequestTokenFor } from "#adapters/aws/textract-ocr.ts";
import { DocumentTooLargeError, EmptyDocumentError, UnsupportedDocumentError } from "#domain/document/unreadable-document-error.ts";
import { OcrJobFailedError, type SourceDocument } from "#ports/ocr-engine.ts";

expect.extend(allCustomMatcher);

const textract = mockClient(TextractClient);
const notification = { topicArn: "arn:aws:sns:ap-southeast-1:111122223333:textract-done", roleArn: "arn:aws:iam::111122223333:role/textract-publish" };
const engine = () => new TextractOcrEngine({ client: new TextractClient({ region: "ap-southeast-1" }), notification });

const photo: SourceDocument = { name: "ban-an.jpg", mediaType: "image/jpeg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) };

/** A LINE block as Textract returns it: confidence in percent, box in page fractions. */
function line(text: string, left: number, top: number, width: number, page?: number, confidence = 99.1): Block {
  return {
    BlockType: "LINE",
    Text: text,
    Confidence: confidence,
    Geometry: { BoundingBox: { Left: left, Top: top, Width: width, Height: 0.015 } },
    ...(page ? { Page: page } : {}),
  };
}
const pageBlock = (page?: number): Block => ({ BlockType: "PAGE", ...(page ? { Page: page } : {}) });

beforeEach(() => {
  textract.reset();
});

describe("Textract OCR, one image at a time", () => {
  it("sends the image bytes to DetectDocumentText and returns its lines top to bottom with 0..1 confidence", async () => {
    textract.on(DetectDocumentTextCommand).resolves({
      DocumentMetadata: { Pages: 1 },
      Blocks: [pageBlock(), line("nguyên đơn trình bày:", 0.1, 0.2, 0.3, undefined, 87.5), line("Theo đơn khởi kiện ngày 05/6/2018,", 0.1, 0.18, 0.6)],
    });

    const pages = await engine().recognize(photo);

    expect(textract).toHaveReceivedCommandWith(DetectDocumentTextCommand, { Document: { Bytes: photo.bytes } });
    expect(pages).toEqual([
      {
        pageNumber: 1,
        source: "ocr",
        lines: [
          { text: "Theo đơn khởi kiện ngày 05/6/2018,", confidence: 0.991, box: { left: 0.1, top: 0.18, width: 0.6, height: 0.015 } },
          { text: "nguyên đơn trình bày:", confidence: 0.875, box: { left: 0.1, top: 0.2, width: 0.3, height: 0.015 } },
        ],
      },
    ]);
  });

  it("passes Vietnamese read without diacritics through unchanged, in NFC, with the two header columns one after the other", async () => {
    textract.on(DetectDocumentTextCommand).resolves({
      Blocks: [
        pageBlock(),
        line("CONG HOA XA HOI CHU NGHIA VIET NAM", 0.45, 0.05, 0.45),
        line("TOA AN NHAN DAN", 0.1, 0.05, 0.2),
        line("Doc lap - Tu do - Hanh phuc", 0.52, 0.07, 0.3),
        line("TINH HA NAM", 0.12, 0.07, 0.15),
        line("So: 12/2017/DS-ST", 0.1, 0.09, 0.2),
        // Textract sometimes keeps a mark, decomposed: the adapter hands on the composed form.
        line("Ha Nam, ngày 14 thang 11 nam 2018".normalize("NFD"), 0.5, 0.09, 0.35),
        line("Bi don: ong Tran Van T phai tra cho Ngan hang so tien 150.000.000 dong.", 0.1, 0.3, 0.8),
      ],
    });

    const [page] = await engine().recognize(photo);

    expect(page!.lines.map((l) => l.text)).toEqual([
      "TOA AN NHAN DAN",
      "TINH HA NAM",
      "So: 12/2017/DS-ST",
      "CONG HOA XA HOI CHU NGHIA VIET NAM",
      "Doc lap - Tu do - Hanh phuc",
      "Ha Nam, ngày 14 thang 11 nam 2018".normalize("NFC"),
      "Bi don: ong Tran Van T phai tra cho Ngan hang so tien 150.000.000 dong.",
    ]);
    expect(page!.lines.every((l) => l.text === l.text.normalize("NFC"))).toBe(true);
  });

  it("leaves throttling to the client's retries: a call still throttled after them reaches the caller unchanged", async () => {
    textract.on(DetectDocumentTextCommand).rejects(new ThrottlingException({ message: "Rate exceeded", $metadata: {} }));

    await expect(engine().recognize(photo)).rejects.toBeInstanceOf(ThrottlingException);
    expect(textract).toHaveReceivedCommandTimes(DetectDocumentTextCommand, 1);
  });

  it("refuses a file over 10 MB without calling Textract", async () => {
    const big: SourceDocument = { ...photo, bytes: new Uint8Array(TEXTRACT_LIMITS.syncBytes + 1) };

    await expect(engine().recognize(big)).rejects.toThrow(DocumentTooLargeError);
    await expect(engine().recognize(big)).rejects.toThrow(/10 MB/);
    expect(textract).toHaveReceivedCommandTimes(DetectDocumentTextCommand, 0);
  });

  it("refuses an empty file without calling Textract", async () => {
    await expect(engine().recognize({ ...photo, bytes: new Uint8Array() })).rejects.toThrow(EmptyDocumentError);
    expect(textract).toHaveReceivedCommandTimes(DetectDocumentTextCommand, 0);
  });

  it("says a multi-page PDF needs a job when Textract refuses it synchronously", async () => {
    textract.on(DetectDocumentTextCommand).rejects(new UnsupportedDocumentException({ message: "Request has unsupported document format", $metadata: {} }));
    const pdf: SourceDocument = { name: "ban-an.pdf", mediaType: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.7 ...") };

    await expect(engine().recognize(pdf)).rejects.toThrow(UnsupportedDocumentError);
    await expect(engine().recognize(pdf)).rejects.toThrow(/asynchronous job/);
  });
});

describe("Textract OCR jobs for multi-page PDFs", () => {
  const stored = { bucket: "thads-intake", key: "uploads/2024/ban-an-12.pdf", versionId: "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrH" };

  it("starts a job on the stored PDF that reports to the SNS topic, with a token derived from the document", async () => {
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: "job-1" });

    const jobId = await engine().startJob(stored);

    expect(jobId).toBe("job-1");
    expect(textract).toHaveReceivedCommandWith(StartDocumentTextDetectionCommand, {
      DocumentLocation: { S3Object: { Bucket: "thads-intake", Name: "uploads/2024/ban-an-12.pdf", Version: stored.versionId } },
      ClientRequestToken: clientRequestTokenFor(stored),
      NotificationChannel: { SNSTopicArn: notification.topicArn, RoleArn: notification.roleArn },
    });
  });

  it("derives the same request token for the same object version and a different one for another version", () => {
    const token = clientRequestTokenFor(stored);

    expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(clientRequestTokenFor({ ...stored })).toBe(token);
    expect(clientRequestTokenFor({ ...stored, versionId: "other" })).not.toBe(token);
  });

  it("refuses to start a job for a document over 500 MB or 3,000 pages", async () => {
    await expect(engine().startJob({ ...stored, sizeBytes: TEXTRACT_LIMITS.asyncBytes + 1 })).rejects.toThrow(/500 MB/);
    await expect(engine().startJob({ ...stored, pageCount: 3001 })).rejects.toThrow(DocumentTooLargeError);
    expect(textract).toHaveReceivedCommandTimes(StartDocumentTextDetectionCommand, 0);
  });

  it("collects every result page by following NextToken and returns the document's pages in order", async () => {
    textract
      .on(GetDocumentTextDetectionCommand, { JobId: "job-1", NextToken: undefined })
      .resolves({
        JobStatus: "SUCCEEDED",
        DocumentMetadata: { Pages: 2 },
        NextToken: "page-two-of-results",
        Blocks: [pageBlock(1), line("TÒA ÁN NHÂN DÂN TỈNH HÀ NAM", 0.1, 0.05, 0.4, 1), pageBlock(2)],
      })
      .on(GetDocumentTextDetectionCommand, { JobId: "job-1", NextToken: "page-two-of-results" })
      .resolves({
        JobStatus: "SUCCEEDED",
        DocumentMetadata: { Pages: 2 },
        Blocks: [line("Buộc bị đơn trả cho nguyên đơn 150.000.000 đồng.", 0.1, 0.4, 0.7, 2), line("QUYẾT ĐỊNH:", 0.4, 0.3, 0.2, 2)],
      });

    const pages = await engine().collectJob("job-1");

    expect(textract).toHaveReceivedCommandTimes(GetDocumentTextDetectionCommand, 2);
    expect(textract).toHaveReceivedNthCommandWith(GetDocumentTextDetectionCommand, 2, { JobId: "job-1", NextToken: "page-two-of-results" });
    expect(pages.map((p) => [p.pageNumber, p.lines.map((l) => l.text)])).toEqual([
      [1, ["TÒA ÁN NHÂN DÂN TỈNH HÀ NAM"]],
      [2, ["QUYẾT ĐỊNH:", "Buộc bị đơn trả cho nguyên đơn 150.000.000 đồng."]],
    ]);
  });

  it("reports a job Textract marked FAILED as OcrJobFailedError with its reason", async () => {
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: "FAILED", StatusMessage: "Unable to read the document" });

    const failure = engine().collectJob("job-9");

    await expect(failure).rejects.toBeInstanceOf(OcrJobFailedError);
    await expect(failure).rejects.toMatchObject({ jobId: "job-9", message: expect.stringContaining("Unable to read the document") });
  });
});
