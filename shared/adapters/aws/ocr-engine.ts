/** The OCR engines intake uses on AWS, built on the module's clients (whose endpoints the local stack may redirect). */
import { ConfigurationError } from "../../errors.ts";
import type { AsyncOcrEngine } from "../../ports/ocr-engine.ts";
import { TesseractOcrEngine } from "../local/tesseract-ocr.ts";
import { documents, sqs, textract } from "./clients.ts";
import { DynamoDbOcrPageResults } from "./dynamodb-ocr-pages.ts";
import { TesseractPageJobs } from "./tesseract-page-jobs.ts";
import { TextractOcrEngine } from "./textract-ocr.ts";

/** `notification` is where Textract reports asynchronous jobs; only intake, which starts them, passes it. */
export function textractOcrEngine(notification?: { topicArn: string; roleArn: string }): AsyncOcrEngine {
  return new TextractOcrEngine({ client: textract, ...(notification && { notification }) });
}

/**
 * Tesseract page jobs whose pages are kept in the cases table. `pageQueueUrl` is where intake sends the pages;
 * the page function, which only recognises and collects them, passes none.
 */
export function tesseractPageJobs(casesTable: string, pageQueueUrl?: string): TesseractPageJobs {
  return new TesseractPageJobs({
    pages: new DynamoDbOcrPageResults(documents, casesTable),
    // One page per invocation: one single-threaded Tesseract uses the function's vCPU.
    tesseract: new TesseractOcrEngine({ concurrency: 1 }),
    ...(pageQueueUrl && { queue: { client: sqs, url: pageQueueUrl } }),
  });
}

/** The engine intake starts OCR with, as OCR_ENGINE says (Tesseract unless a deployment chose Textract). */
export function intakeOcrEngine(config: {
  OCR_ENGINE: "tesseract" | "textract";
  OCR_PAGE_QUEUE_URL?: string | undefined;
  CASES_TABLE: string;
  TEXTRACT_TOPIC_ARN: string;
  TEXTRACT_ROLE_ARN: string;
}): AsyncOcrEngine {
  if (config.OCR_ENGINE === "textract") return textractOcrEngine({ topicArn: config.TEXTRACT_TOPIC_ARN, roleArn: config.TEXTRACT_ROLE_ARN });
  if (!config.OCR_PAGE_QUEUE_URL) throw new ConfigurationError("ingest-document", ["OCR_PAGE_QUEUE_URL"]);
  return tesseractPageJobs(config.CASES_TABLE, config.OCR_PAGE_QUEUE_URL);
}
