import { SendMessageBatchCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { CorruptDocumentError, NoTextFoundError } from "#domain/document/unreadable-document-error.ts";
import type { AsyncOcrEngine, OcrEngine, PageText, RecognizeOptions, SourceDocument, StoredObject } from "#ports/ocr-engine.ts";
import type { OcrPageResults, OcrPageTask } from "#ports/ocr-pages.ts";
import { clientRequestTokenFor } from "./textract-ocr.ts";

/** SQS takes at most 10 messages per SendMessageBatch. */
const BATCH = 10;

export interface TesseractPageJobsConfig {
  /** Where recognised pages are kept until the job is complete. */
  pages: OcrPageResults;
  /** Recognises pages where Tesseract is installed (the container function); intake never calls it. */
  tesseract: OcrEngine;
  /** The page queue: one message per page. Needed by startJob. */
  queue?: { client: SQSClient; url: string };
}

/**
 * Tesseract on AWS as an asynchronous engine: a job is one message per page on the page queue, each recognised by
 * its own invocation of the container function, so a 40-page judgment takes about as long as its slowest page.
 * The job id is derived from the object version, as Textract's request token is: a redelivered upload event
 * starts the same job, and its pages are not recognised twice (OcrPageResults).
 */
export class TesseractPageJobs implements AsyncOcrEngine {
  readonly name = "tesseract";
  readonly recognizesInline = false;
  /** Where the job's pages are kept; the page function stores each page it recognises there. */
  readonly pages: OcrPageResults;

  constructor(private readonly config: TesseractPageJobsConfig) {
    this.pages = config.pages;
  }

  recognize(document: SourceDocument, options?: RecognizeOptions): Promise<PageText[]> {
    return this.config.tesseract.recognize(document, options);
  }

  async startJob(document: StoredObject, pages?: readonly number[]): Promise<string> {
    const { queue } = this.config;
    if (!queue) throw new Error("Tesseract page jobs need the page queue in the engine's configuration");
    // A TIFF whose image chain is broken: no page count to split by.
    if (!pages || pages.length === 0) throw new CorruptDocumentError("its pages cannot be told apart");
    const jobId = clientRequestTokenFor(document);
    const source = { bucket: document.bucket, key: document.key, versionId: document.versionId ?? "null" };
    const tasks: OcrPageTask[] = pages.map((pageNumber) => ({ jobId, source, pageNumber, pageCount: pages.length }));
    for (let first = 0; first < tasks.length; first += BATCH) {
      const batch = tasks.slice(first, first + BATCH);
      const { Failed = [] } = await queue.client.send(
        new SendMessageBatchCommand({
          QueueUrl: queue.url,
          Entries: batch.map((task) => ({ Id: String(task.pageNumber), MessageBody: JSON.stringify(task) })),
        }),
      );
      // The whole start is retried by the intake queue; pages already sent are recognised once all the same.
      if (Failed.length > 0) throw new Error(`page queue refused ${Failed.length} page message(s): ${Failed.map((f) => f.Code).join(", ")}`);
    }
    return jobId;
  }

  async collectJob(jobId: string): Promise<PageText[]> {
    const pages = await this.pages.all(jobId);
    if (pages.every((page) => page.lines.length === 0)) throw new NoTextFoundError("any page");
    return pages;
  }
}
