/**
 * The SDK clients of a function instance, built once at module scope (client-builders.ts) from
 * validated endpoint settings and traced, so the same handler code talks to AWS or to the embedded
 * local stack.
 *
 * Each client is a `@__PURE__` call: a bundle that does not use a client drops it and its SDK
 * package (they are side-effect free), which keeps every function's bundle small.
 */
import { SQSClient } from "@aws-sdk/client-sqs";
import { loadEndpoints } from "../../config.ts";
import { tracer } from "../../observability.ts";
import { buildDocumentClient, buildDynamoDbClient, buildS3Client, buildTextractClient } from "./client-builders.ts";

const endpoints = loadEndpoints();

export const dynamodb = /* @__PURE__ */ tracer.captureAWSv3Client(buildDynamoDbClient(endpoints));
export const documents = /* @__PURE__ */ buildDocumentClient(dynamodb);
export const s3 = /* @__PURE__ */ tracer.captureAWSv3Client(buildS3Client(endpoints));
export const textract = /* @__PURE__ */ tracer.captureAWSv3Client(buildTextractClient(endpoints));
/** Sends page messages of Tesseract OCR jobs (only on AWS: the embedded stack runs Textract's stand-in). */
export const sqs = /* @__PURE__ */ tracer.captureAWSv3Client(new SQSClient({ region: endpoints.AWS_REGION }));
