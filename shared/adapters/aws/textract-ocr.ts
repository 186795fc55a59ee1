import { createHash } from "node:crypto";
import {
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommand,
  type Block,
  type TextractClient,
} from "@aws-sdk/client-textract";
import {
  CorruptDocumentError,
  DocumentTooLargeError,
  EmptyDocumentError,
  NoTextFoundError,
  UnsupportedDocumentError,
} from "#domain/document/unreadable-document-error.ts";
import {
  OcrJobFailedError,
  type AsyncOcrEngine,
  type PageText,
  type RecognizeOptions,
  type SourceDocument,
  type StoredObject,
  type TextLine,
} from "#ports/ocr-engine.ts";
import { inReadingOrder } from "#adapters/reading-order.ts";

const MB = 1024 * 1024;

/** Textract's fixed quotas (not raisable): synchronous calls take one page up to 10 MB; jobs take PDF/TIFF up to 500 MB and 3,000 pages. */
export const TEXTRACT_LIMITS = { syncBytes: 10 * MB, asyncBytes: 500 * MB, asyncPages: 3000 } as const;

export interface TextractOcrConfig {
  /**
   * Retries throttled calls itself: build it with buildTextractClient (adapters/aws/client-builders.ts), whose adaptive
   * retry mode is the only retry layer. This adapter never retries; what still fails after the client's attempts
   * goes back to the caller (on AWS the queue redelivers the message later).
   */
  client: TextractClient;
  /** Where Textract announces a finished job: the SNS topic and the role it assumes to publish. Needed by startJob. */
  notification?: { topicArn: string; roleArn: string };
}

/**
 * The ClientRequestToken for a stored document: the same bucket/key/version always gives the same token, so a
 * redelivered event or a retried call returns the first job instead of starting a second one. SHA-256 in hex
 * fits Textract's token rules (letters, digits, - and _, at most 64 characters).
 */
export function clientRequestTokenFor(document: StoredObject): string {
  return createHash("sha256").update(`${document.bucket}/${document.key}#${document.versionId ?? ""}`).digest("hex");
}

/**
 * OCR with Amazon Textract. Single images and one-page PDFs go through DetectDocumentText; multi-page PDFs
 * and TIFFs are read in place from S3 by a StartDocumentTextDetection job that reports to SNS when done,
 * and collected with GetDocumentTextDetection. Textract has no Vietnamese model: it often drops or changes
 * diacritics, and that text is passed on as it comes (NFC), for the extraction to cope with.
 */
export class TextractOcrEngine implements AsyncOcrEngine {
  readonly name = "textract";
  readonly recognizesInline = true;
  private readonly client: TextractClient;
  private readonly notification: TextractOcrConfig["notification"];

  constructor(config: TextractOcrConfig) {
    this.client = config.client;
    this.notification = config.notification;
  }

  async recognize(document: SourceDocument, options: RecognizeOptions = {}): Promise<PageText[]> {
    if (document.bytes.length === 0) throw new EmptyDocumentError();
    if (document.mediaType === "text/plain") throw new UnsupportedDocumentError("plain text needs no OCR");
    if (document.bytes.length > TEXTRACT_LIMITS.syncBytes) {
      throw new DocumentTooLargeError(
        `${(document.bytes.length / MB).toFixed(1)} MB is over Textract's 10 MB limit for one image or a one-page PDF`,
      );
    }
    if (options.pages && !options.pages.includes(1)) return [];
    const response = await send(() => this.client.send(new DetectDocumentTextCommand({ Document: { Bytes: document.bytes } })));
    const pages = pagesFromBlocks(response.Blocks ?? [], 1);
    if (pages.every((page) => page.lines.length === 0)) throw new NoTextFoundError();
    return pages;
  }

  async startJob(document: StoredObject): Promise<string> {
    if (!this.notification) throw new Error("Textract jobs need an SNS topic and role (notification) in the engine's configuration");
    if (document.sizeBytes !== undefined && document.sizeBytes > TEXTRACT_LIMITS.asyncBytes) {
      throw new DocumentTooLargeError(`${(document.sizeBytes / MB).toFixed(0)} MB is over Textract's 500 MB limit`);
    }
    if (document.pageCount !== undefined && document.pageCount > TEXTRACT_LIMITS.asyncPages) {
      throw new DocumentTooLargeError(`${document.pageCount} pages is over Textract's 3,000-page limit`);
    }
    const { topicArn, roleArn } = this.notification;
    const response = await send(() =>
      this.client.send(
        new StartDocumentTextDetectionCommand({
          DocumentLocation: { S3Object: { Bucket: document.bucket, Name: document.key, ...(document.versionId ? { Version: document.versionId } : {}) } },
          ClientRequestToken: clientRequestTokenFor(document),
          NotificationChannel: { SNSTopicArn: topicArn, RoleArn: roleArn },
        }),
      ),
    );
    if (!response.JobId) throw new Error("Textract started no job");
    return response.JobId;
  }

  async collectJob(jobId: string): Promise<PageText[]> {
    const blocks: Block[] = [];
    let pageCount = 0;
    let nextToken: string | undefined;
    do {
      const response = await send(() =>
        this.client.send(new GetDocumentTextDetectionCommand({ JobId: jobId, MaxResults: 1000, ...(nextToken ? { NextToken: nextToken } : {}) })),
      );
      if (response.JobStatus === "FAILED") throw new OcrJobFailedError(jobId, response.StatusMessage ?? "Textract gave no reason");
      if (response.JobStatus === "IN_PROGRESS") throw new Error(`Textract job ${jobId} is still running; collect it after its completion notice`);
      blocks.push(...(response.Blocks ?? []));
      pageCount = Math.max(pageCount, response.DocumentMetadata?.Pages ?? 0);
      nextToken = response.NextToken;
    } while (nextToken);
    const pages = pagesFromBlocks(blocks, pageCount);
    if (pages.every((page) => page.lines.length === 0)) throw new NoTextFoundError("any page");
    return pages;
  }
}

/** Sends a request and turns Textract's complaints about the document into the domain's unreadable-document errors. */
async function send<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw documentError(error);
  }
}

function documentError(error: unknown): unknown {
  const { name, message } = error as { name?: unknown; message?: unknown };
  switch (name) {
    case "DocumentTooLargeException":
      return new DocumentTooLargeError(`Textract refused the document as too large (${String(message)})`, { cause: error });
    case "BadDocumentException":
      return new CorruptDocumentError(`Textract cannot read the document (${String(message)})`, { cause: error });
    case "UnsupportedDocumentException":
      return new UnsupportedDocumentError(
        "Textract does not accept this document here (a PDF or TIFF of more than one page needs an asynchronous job; encrypted PDFs are refused)",
        { cause: error },
      );
    default:
      return error;
  }
}

/** Lines per page in reading order; every page Textract saw is listed, empty ones too. */
function pagesFromBlocks(blocks: Block[], pageCount: number): PageText[] {
  const byPage = new Map<number, TextLine[]>();
  for (let page = 1; page <= pageCount; page++) byPage.set(page, []);
  for (const block of blocks) {
    const page = block.Page ?? 1;
    if (!byPage.has(page)) byPage.set(page, []);
    if (block.BlockType !== "LINE" || !block.Text?.trim()) continue;
    const box = block.Geometry?.BoundingBox;
    byPage.get(page)!.push({
      text: block.Text.trim().normalize("NFC"),
      confidence: Math.min(1, Math.max(0, (block.Confidence ?? 0) / 100)),
      box: box ? { left: box.Left ?? 0, top: box.Top ?? 0, width: box.Width ?? 0, height: box.Height ?? 0 } : null,
    });
  }
  return [...byPage.entries()]
    .sort(([a], [b]) => a - b)
    .map(([pageNumber, lines]) => ({ pageNumber, source: "ocr" as const, lines: inReadingOrder(lines) }));
}
