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
import { reason, type Reason } from "../../domain/review-reasons.ts";
import {
  ConflictError,
  ForbiddenError,
  InvalidRequestError,
  RefusalError,
  NotFoundError,
  PreconditionRequiredError,
  VersionConflictError,
} from "../../errors.ts";
import { BusinessMetric } from "../../metrics.ts";
import { logger, metrics, tracer } from "../../observability.ts";
import { CASE_API_ROUTES, type ApiFunctionName } from "../../../infra/topology.ts";
import type { Caller } from "../../domain/access.ts";
import { authorisedCaller, callerOf, type JwtRequestContext } from "./caller.ts";

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
  [ConflictError, 409],
  [VersionConflictError, 412],
  [PreconditionRequiredError, 428],
];

// zod's issues add `keys` for fields it does not know
type SchemaIssue = { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[]; keys?: readonly string[] };

/** The reason for a rejected request (Standard Schema issues): the fields at fault, never the values sent. */
function parseErrorReason(error: Error): Reason {
  const issues = error.cause as SchemaIssue[] | undefined;
  if (!Array.isArray(issues)) return reason("request.malformed", {});
  const envelope = new Set(["queryStringParameters", "pathParameters", "body", "headers"]);
  const fields = issues
    .flatMap((issue) => {
      const path = (issue.path ?? []).map((part) => String(typeof part === "object" ? part.key : part)).filter((part) => !envelope.has(part));
      return issue.keys && issue.keys.length > 0 ? issue.keys.map((key) => [...path, key].join(".")) : [path.join(".")];
    })
    .filter((field) => field !== "");
  return fields.length > 0 ? reason("request.invalid", { fields: [...new Set(fields)].join(", ") }) : reason("request.malformed", {});
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
      const refusal: Reason = error instanceof RefusalError ? { code: error.code, message: error.message } : parseErrorReason(error);
      logger.info("request refused", { statusCode, errorName: error.name, code: refusal.code });
      const body = { error: error.name, code: refusal.code, message: refusal.message };
      request.error = Object.assign(new Error(JSON.stringify(body)), { statusCode, expose: true });
    },
  };
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/**
 * A route of the case API (infra/topology.ts names its roles): a caller outside them is refused (403)
 * before anything else, then the event is parsed with `schema` (400 when it does not fit) and
 * `handler` runs with the caller, whom it holds to its court or unit through the use cases.
 */
export function httpRoute<S extends z.ZodType>(
  functionName: ApiFunctionName,
  schema: S,
  handler: (request: z.output<S>, caller: Caller) => Promise<APIGatewayProxyStructuredResultV2>,
) {
  const route = CASE_API_ROUTES.find((candidate) => candidate.functionName === functionName);
  if (!route) throw new Error(`${functionName} serves no route of the case API`);
  const roles = route.roles;
  return observed(async (event: unknown) => handler(event as z.output<S>, callerOf(event as JwtRequestContext)))
    .use(httpErrorHandler({ logger: false, fallbackMessage: JSON.stringify({ error: "InternalError", ...reason("request.internal", {}) }) }))
    .use(httpStatusOfErrors())
    .use({ before: (request) => void authorisedCaller(request.event as JwtRequestContext, roles) })
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
