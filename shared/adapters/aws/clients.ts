/**
 * The SDK clients, built once per function instance (module scope) from validated endpoint
 * settings, so the same handler code talks to AWS or to the embedded local stack.
 *
 * Each client is a `@__PURE__` call: a bundle that does not use a client drops it and its SDK
 * package (they are side-effect free), which keeps every function's bundle small.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import { TextractClient } from "@aws-sdk/client-textract";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { loadEndpoints, type Endpoints } from "../../config.ts";
import { tracer } from "../../observability.ts";

const endpoints = loadEndpoints();

export function buildDynamoDbClient(settings: Endpoints): DynamoDBClient {
  return tracer.captureAWSv3Client(new DynamoDBClient({ region: settings.AWS_REGION, endpoint: settings.DYNAMODB_ENDPOINT }));
}

export function buildS3Client(settings: Endpoints): S3Client {
  return tracer.captureAWSv3Client(
    new S3Client({ region: settings.AWS_REGION, endpoint: settings.S3_ENDPOINT, forcePathStyle: settings.S3_FORCE_PATH_STYLE ?? false }),
  );
}

/**
 * Textract's transaction limits are low (a few per second per account for the asynchronous start),
 * so throttled calls are retried with adaptive backoff, more times than the SDK default of 3.
 */
export function buildTextractClient(settings: Endpoints, overrides: Partial<ConstructorParameters<typeof TextractClient>[0]> = {}): TextractClient {
  return tracer.captureAWSv3Client(
    new TextractClient({ region: settings.AWS_REGION, endpoint: settings.TEXTRACT_ENDPOINT, retryMode: "adaptive", maxAttempts: 6, ...overrides }),
  );
}

export const dynamodb = /* @__PURE__ */ buildDynamoDbClient(endpoints);
/** Marshals plain objects; `undefined` fields are dropped rather than rejected. */
export const documents = /* @__PURE__ */ DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
export const s3 = /* @__PURE__ */ buildS3Client(endpoints);
export const textract = /* @__PURE__ */ buildTextractClient(endpoints);
/** Sends page messages of Tesseract OCR jobs (only on AWS: the embedded stack runs Textract's stand-in). */
export const sqs = /* @__PURE__ */ tracer.captureAWSv3Client(new SQSClient({ region: endpoints.AWS_REGION }));
