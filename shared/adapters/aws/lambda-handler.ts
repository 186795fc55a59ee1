/**
 * The middleware every handler shares, in one place: tracing, logging context, metrics, and for
 * HTTP routes request parsing and error-to-status mapping; for SQS sources partial batch responses.
 */
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { parser as batchParser } from "@aws-lambda-powertools/batch/parser";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { ParseError } from "@aws-lambda-powertools/parser/errors";
import { parser } from "@aws-lambda-powertools/parser/middleware";
import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import middy, { type MiddlewareObj } from "@middy/core";
import httpErrorHandler from "@middy/http-error-handler";
import type { APIGatewayProxyStructuredResultV2, Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import type { z } from "zod";
import {
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  PreconditionRequiredError,
  VersionConflictError,
} from "../../errors.ts";
import { BusinessMetric } from "../../metrics.ts";
import { logger, metrics, tracer } from "../../observability.ts";

/** Wraps a handler with the observability middleware. */
export function observed<TEvent, TResult>(handler: (event: TEvent, context: Context) => Promise<TResult>) {
  return middy<TEvent, TResult>(handler)
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
}

/** The application's errors a caller can act on, and their statuses; the first class an error is an instance of wins. */
const STATUS_BY_ERROR: readonly [new (...args: never[]) => Error, number][] = [
  [InvalidRequestError, 400],
  [ParseError, 400],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [VersionConflictError, 412],
  [PreconditionRequiredError, 428],
];

type SchemaIssue = { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] };

/** Readable reasons for a rejected request (Standard Schema issues): field paths and messages, never the values sent. */
function describeParseError(error: Error): string {
  const issues = error.cause as SchemaIssue[] | undefined;
  if (!Array.isArray(issues)) return "request does not match the expected shape";
  const envelope = new Set(["queryStringParameters", "pathParameters", "body", "headers"]);
  return issues
    .map((issue) => {
      const path = (issue.path ?? []).map((part) => String(typeof part === "object" ? part.key : part)).filter((part) => !envelope.has(part));
      return path.length > 0 ? `${path.join(".")}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/** Maps the application's errors to HTTP statuses for http-error-handler; anything else becomes a bare 500. */
function httpStatusOfErrors(): MiddlewareObj {
  return {
    onError: async (request) => {
      const error = request.error;
      if (!error) return;
      const statusCode = STATUS_BY_ERROR.find(([kind]) => error instanceof kind)?.[1];
      if (statusCode === undefined) {
        logger.error("request failed", error);
        return;
      }
      const message = error instanceof ParseError ? describeParseError(error) : error.message;
      logger.info("request refused", { statusCode, errorName: error.name });
      request.error = Object.assign(new Error(JSON.stringify({ error: error.name, message })), { statusCode, expose: true });
    },
  };
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/** An HTTP API route: the event is parsed with `schema` (400 when it does not fit) before `handler` runs. */
export function httpRoute<S extends z.ZodType>(schema: S, handler: (request: z.output<S>, context: Context) => Promise<APIGatewayProxyStructuredResultV2>) {
  return observed(handler as (event: unknown, context: Context) => Promise<APIGatewayProxyStructuredResultV2>)
    .use(httpErrorHandler({ logger: false, fallbackMessage: JSON.stringify({ error: "InternalError", message: "internal error" }) }))
    .use(httpStatusOfErrors())
    .use(parser({ schema }));
}

/**
 * An SQS-triggered function reporting partial batch failures: each record's body is parsed (JSON,
 * then `bodySchema`) and handled on its own; failed records alone return to the queue.
 */
export function sqsBatch<S extends z.ZodType>(
  bodySchema: S,
  handleRecord: (body: z.output<S>, record: SQSRecord) => Promise<void>,
  beforeBatch: (context: Context) => void = () => undefined,
) {
  const processor = new BatchProcessor(EventType.SQS, { parser: batchParser, innerSchema: bodySchema, transformer: "json", logger });
  const recordHandler = async (record: SQSRecord & { body: z.output<S> }) => {
    try {
      await handleRecord(record.body, record);
    } catch (error) {
      logger.warn("record failed; it returns to the queue", { messageId: record.messageId, error });
      metrics.addMetric(BusinessMetric.recordsFailed, MetricUnit.Count, 1);
      throw error;
    }
  };
  return observed<SQSEvent, SQSBatchResponse>(async (event, context) => {
    beforeBatch(context);
    // Records that failed parsing or handling are listed, never thrown: a batch that failed whole
    // goes back to the queue the same way, and its records reach the DLQ after maxReceiveCount.
    return processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false });
  });
}
