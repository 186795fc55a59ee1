/**
 * How the SDK clients are built from endpoint settings: once per function instance by clients.ts,
 * and by the embedded local stack for its own clients (with local credentials), so both talk to
 * the services the same way.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { TextractClient, type TextractClientConfig } from "@aws-sdk/client-textract";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Endpoints } from "../../config.ts";

export function buildDynamoDbClient(settings: Endpoints, extra: DynamoDBClientConfig = {}): DynamoDBClient {
  return new DynamoDBClient({ region: settings.AWS_REGION, endpoint: settings.DYNAMODB_ENDPOINT, ...extra });
}

/** Marshals plain objects; `undefined` fields are dropped rather than rejected. */
export function buildDocumentClient(dynamodb: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
}

export function buildS3Client(settings: Endpoints, extra: S3ClientConfig = {}): S3Client {
  return new S3Client({ region: settings.AWS_REGION, endpoint: settings.S3_ENDPOINT, forcePathStyle: settings.S3_FORCE_PATH_STYLE ?? false, ...extra });
}

/**
 * Textract's transaction limits are low (a few per second per account for the asynchronous start),
 * so throttled calls are retried with adaptive backoff, more times than the SDK default of 3.
 */
export function buildTextractClient(settings: Endpoints, extra: TextractClientConfig = {}): TextractClient {
  return new TextractClient({ region: settings.AWS_REGION, endpoint: settings.TEXTRACT_ENDPOINT, retryMode: "adaptive", maxAttempts: 6, ...extra });
}
