/**
 * A Textract-compatible endpoint on the loopback interface that reads with local Tesseract: it
 * answers the three calls the Textract adapter makes (DetectDocumentText, StartDocumentTextDetection,
 * GetDocumentTextDetection) in Textract's JSON protocol, so the real SDK client and the project's
 * Textract adapter run unchanged. A finished job is announced as Textract does, through the SNS topic
 * named in the request: the stack delivers that notice, SNS-wrapped, to the completion queue.
 */
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { availableParallelism } from "node:os";
import { sniffMediaType } from "#domain/document/media-type.ts";
import { keepIdleConnections } from "./net.ts";
import { TesseractOcrEngine } from "#adapters/local/tesseract-ocr.ts";
import { bestIntTessdataDir } from "#adapters/local/tessdata.ts";
import { NoTextFoundError, UnreadableDocumentError, UnsupportedDocumentError } from "#domain/document/unreadable-document-error.ts";
import {
  OcrEngineUnavailableError,
  type OcrEngine,
  type PageText,
  type SourceDocument,
} from "#ports/ocr-engine.ts";

const SYNC_MAX_BYTES = 10 * 1024 * 1024;
/** Base64 of the largest synchronous document, plus the JSON around it. */
const MAX_REQUEST_BYTES = Math.ceil((SYNC_MAX_BYTES * 4) / 3) + 64 * 1024;

/** What Textract publishes to the job's SNS topic when it ends. */
export interface TextractJobNotice {
  JobId: string;
  Status: "SUCCEEDED" | "FAILED";
  API: "StartDocumentTextDetection";
  JobTag?: string;
  Timestamp: number;
  DocumentLocation: { S3ObjectName: string; S3Bucket: string };
}

interface Job {
  status: "IN_PROGRESS" | "SUCCEEDED" | "FAILED";
  blocks: Record<string, unknown>[];
  pages: number;
  statusMessage?: string;
}

export interface TextractServerOptions {
  /** Reads a stored document (the S3Object a request names). */
  fetchObject: (location: { bucket: string; key: string; versionId?: string }) => Promise<Uint8Array>;
  /** Publishes a finished job's notice to the SNS topic the job named. */
  publish: (topicArn: string, notice: TextractJobNotice) => void;
  /** Defaults to Tesseract with Vietnamese. */
  ocr?: OcrEngine;
  /** A given port: a restart where the clients already point (fault tests); any free one by default. */
  port?: number;
}

export interface TextractServer {
  endpoint: string;
  /** Jobs started and not yet finished. */
  readonly runningJobs: number;
  /** Whether this server holds the job, running or finished (it keeps jobs in memory: a restart forgets them). */
  hasJob(jobId: string): boolean;
  stop(): Promise<void>;
}

/** A Textract error response: the SDK reads the exception name from `__type`. */
class TextractError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

/** Runs at most `limit` tasks at once, the others wait their turn. */
function limiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/** Pages as Textract blocks: one PAGE block and a LINE block per line, geometry in page fractions, confidence 0-100. */
export function textractBlocks(pages: readonly PageText[]): Record<string, unknown>[] {
  return pages.flatMap((page) => [
    { BlockType: "PAGE", Id: randomUUID(), Page: page.pageNumber, Geometry: { BoundingBox: { Left: 0, Top: 0, Width: 1, Height: 1 } } },
    ...page.lines.map((line) => ({
      BlockType: "LINE",
      Id: randomUUID(),
      Page: page.pageNumber,
      Text: line.text,
      Confidence: Math.round(line.confidence * 10000) / 100,
      ...(line.box && { Geometry: { BoundingBox: { Left: line.box.left, Top: line.box.top, Width: line.box.width, Height: line.box.height } } }),
    })),
  ]);
}

function documentOf(name: string, bytes: Uint8Array): SourceDocument {
  const guess = sniffMediaType(bytes);
  if (!guess.readable || guess.mediaType === "text/plain") throw new TextractError("UnsupportedDocumentException", "Request has unsupported document format");
  return { name, mediaType: guess.mediaType, bytes };
}

/** Recognises a document; a page without text is a page without LINE blocks, as on Textract. */
async function recognise(ocr: OcrEngine, document: SourceDocument): Promise<PageText[]> {
  try {
    return await ocr.recognize(document);
  } catch (error) {
    if (error instanceof NoTextFoundError) return [{ pageNumber: 1, source: "ocr", lines: [] }];
    if (error instanceof UnsupportedDocumentError) throw new TextractError("UnsupportedDocumentException", error.message);
    if (error instanceof UnreadableDocumentError) throw new TextractError("BadDocumentException", error.message);
    if (error instanceof OcrEngineUnavailableError) throw new TextractError("InternalServerError", error.message, 500);
    throw error;
  }
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) throw new TextractError("DocumentTooLargeException", "Request is larger than Textract accepts");
    chunks.push(chunk);
  }
  const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as unknown;
  if (typeof parsed !== "object" || parsed === null) throw new TextractError("InvalidParameterException", "Request body is not a JSON object");
  return parsed as Record<string, unknown>;
}

interface S3ObjectRef {
  Bucket?: string;
  Name?: string;
  Version?: string;
}

export async function startTextractServer(options: TextractServerOptions): Promise<TextractServer> {
  const ocr = options.ocr ?? new TesseractOcrEngine({ tessdataDir: bestIntTessdataDir() });
  // One document per core at once: more Tesseract processes than cores only slow each other down.
  const recognitionSlots = limiter(Math.max(1, availableParallelism()));
  const jobs = new Map<string, Job>();
  let running = 0;

  const fetchS3Object = async (ref: S3ObjectRef | undefined): Promise<{ bytes: Uint8Array; bucket: string; key: string }> => {
    if (!ref?.Bucket || !ref.Name) throw new TextractError("InvalidParameterException", "S3Object needs Bucket and Name");
    try {
      const bytes = await options.fetchObject({ bucket: ref.Bucket, key: ref.Name, ...(ref.Version && { versionId: ref.Version }) });
      return { bytes, bucket: ref.Bucket, key: ref.Name };
    } catch {
      throw new TextractError("InvalidS3ObjectException", "Unable to get object metadata from S3. Check object key, region and/or access permissions.");
    }
  };

  const detectDocumentText = async (input: Record<string, unknown>) => {
    const document = input.Document as { Bytes?: string; S3Object?: S3ObjectRef } | undefined;
    const bytes = document?.Bytes !== undefined ? Buffer.from(document.Bytes, "base64") : (await fetchS3Object(document?.S3Object)).bytes;
    if (bytes.length > SYNC_MAX_BYTES) throw new TextractError("DocumentTooLargeException", "S3 object size is more than the maximum limit 10485760");
    const pages = await recognitionSlots(() => recognise(ocr, documentOf("document", bytes)));
    if (pages.length > 1) throw new TextractError("UnsupportedDocumentException", "Request has unsupported document format");
    return { DocumentMetadata: { Pages: 1 }, Blocks: textractBlocks(pages), DetectDocumentTextModelVersion: "local-tesseract" };
  };

  const runJob = async (jobId: string, location: S3ObjectRef, topicArn: string | undefined, jobTag: string | undefined) => {
    const job: Job = { status: "IN_PROGRESS", blocks: [], pages: 0 };
    jobs.set(jobId, job);
    running += 1;
    try {
      const { bytes, bucket, key } = await fetchS3Object(location);
      const pages = await recognitionSlots(() => recognise(ocr, documentOf(key, bytes)));
      Object.assign(job, { status: "SUCCEEDED", blocks: textractBlocks(pages), pages: pages.length });
      if (topicArn) options.publish(topicArn, notice(jobId, "SUCCEEDED", bucket, key, jobTag));
    } catch (error) {
      Object.assign(job, { status: "FAILED", statusMessage: error instanceof Error ? error.message : String(error) });
      if (topicArn) options.publish(topicArn, notice(jobId, "FAILED", location.Bucket ?? "", location.Name ?? "", jobTag));
    } finally {
      running -= 1;
    }
  };

  const startDocumentTextDetection = async (input: Record<string, unknown>) => {
    const location = (input.DocumentLocation as { S3Object?: S3ObjectRef } | undefined)?.S3Object;
    if (!location?.Bucket || !location.Name) throw new TextractError("InvalidParameterException", "DocumentLocation.S3Object needs Bucket and Name");
    const token = typeof input.ClientRequestToken === "string" ? input.ClientRequestToken : undefined;
    // The same token returns the job it started, as on Textract.
    const jobId = createHash("sha256").update(token ?? randomUUID()).digest("hex");
    if (!jobs.has(jobId)) {
      const topicArn = (input.NotificationChannel as { SNSTopicArn?: string } | undefined)?.SNSTopicArn;
      void runJob(jobId, location, topicArn, typeof input.JobTag === "string" ? input.JobTag : undefined);
    }
    return { JobId: jobId };
  };

  const getDocumentTextDetection = async (input: Record<string, unknown>) => {
    const job = typeof input.JobId === "string" ? jobs.get(input.JobId) : undefined;
    if (!job) throw new TextractError("InvalidJobIdException", "An invalid job identifier was passed.");
    if (job.status !== "SUCCEEDED") return { JobStatus: job.status, ...(job.statusMessage && { StatusMessage: job.statusMessage }) };
    const maxResults = typeof input.MaxResults === "number" ? Math.min(1000, Math.max(1, input.MaxResults)) : 1000;
    const start = typeof input.NextToken === "string" ? Number(input.NextToken) : 0;
    const end = start + maxResults;
    return {
      JobStatus: "SUCCEEDED",
      DocumentMetadata: { Pages: job.pages },
      Blocks: job.blocks.slice(start, end),
      ...(end < job.blocks.length && { NextToken: String(end) }),
      DetectDocumentTextModelVersion: "local-tesseract",
    };
  };

  const operations: Record<string, (input: Record<string, unknown>) => Promise<unknown>> = {
    DetectDocumentText: detectDocumentText,
    StartDocumentTextDetection: startDocumentTextDetection,
    GetDocumentTextDetection: getDocumentTextDetection,
  };

  const reply = (response: ServerResponse, statusCode: number, body: unknown, errorType?: string) => {
    response.writeHead(statusCode, {
      "content-type": "application/x-amz-json-1.1",
      "x-amzn-requestid": randomUUID(),
      ...(errorType && { "x-amzn-errortype": errorType }),
    });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    const target = String(request.headers["x-amz-target"] ?? "");
    const operation = target.startsWith("Textract.") ? operations[target.slice("Textract.".length)] : undefined;
    void (async () => {
      try {
        if (request.method !== "POST" || !operation) throw new TextractError("UnknownOperationException", `unsupported operation ${target || "(none)"}`);
        reply(response, 200, await operation(await readBody(request)));
      } catch (error) {
        const failure = error instanceof TextractError ? error : new TextractError("InternalServerError", "internal error", 500);
        reply(response, failure.statusCode, { __type: failure.type, message: failure.message }, failure.type);
      }
    })();
  });
  keepIdleConnections(server);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get runningJobs() {
      return running;
    },
    hasJob: (jobId) => jobs.has(jobId),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function notice(jobId: string, status: TextractJobNotice["Status"], bucket: string, key: string, jobTag: string | undefined): TextractJobNotice {
  return {
    JobId: jobId,
    Status: status,
    API: "StartDocumentTextDetection",
    ...(jobTag && { JobTag: jobTag }),
    Timestamp: Date.now(),
    DocumentLocation: { S3ObjectName: key, S3Bucket: bucket },
  };
}
