/**
 * What Lambda gives a function besides its event: the invocation context, and the capture of what
 * the function logs (Powertools writes JSON lines to stdout/stderr; Lambda sends them to CloudWatch,
 * the local stack to a file).
 */
import { appendFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { InvokeStore, InvokeStoreBase } from "@aws/lambda-invoke-store";
import type { Context } from "aws-lambda";

const REGION = "ap-southeast-1";
const ACCOUNT = "000000000000";

function lambdaContext(functionName: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: "1536",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replace(/-/g, "")}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * The process's InvokeStore, created with one context per invocation when this module loads, before any
 * SDK client sends a request: the SDK's recursion-detection middleware asks for the store on its first
 * request and, outside Lambda, would create the single-context one, under which overlapping invocations
 * share one context. A batch's failures recorded in another invocation's context were then lost, and
 * their messages deleted as if processed (the DynamoDB fault test in test/integration/local-faults.test.ts).
 */
const invokeStore = InvokeStore.getInstanceAsync(true);

/**
 * Runs one invocation as Lambda's runtime does when a process serves several at once: inside its own
 * InvokeStore context, from which Powertools keeps per-invocation state (the Lambda context the
 * logger stamps on each line, metrics). Locally every function shares one process and one logger,
 * so without it a line would carry whichever function started last.
 */
export async function invoke<E, R>(handler: (event: E, context: Context) => Promise<R>, event: E, functionName: string, timeoutMs: number): Promise<R> {
  const store = await invokeStore;
  const context = lambdaContext(functionName, timeoutMs);
  invocationsInFlight += 1;
  process.env.AWS_LAMBDA_MAX_CONCURRENCY = OVERLAPPING;
  try {
    return await store.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () => handler(event, context));
  } finally {
    invocationsInFlight -= 1;
    if (invocationsInFlight === 0) delete process.env.AWS_LAMBDA_MAX_CONCURRENCY;
  }
}

/**
 * How the runtime tells Powertools that invocations overlap. Declared only while some run: code
 * outside any invocation (function modules loading, as in Lambda's init phase, or the CLI) keeps the
 * process-wide state, and child processes do not inherit the setting.
 */
const OVERLAPPING = "64";
let invocationsInFlight = 0;

/** One structured log entry as Powertools writes it. */
export type LogEntry = Record<string, unknown> & { level: string; message: string };

/** Plain-text warnings Powertools Metrics prints through its own console, e.g. after an invocation that added no metric. */
const METRICS_WARNING = /^No application metrics to publish\b/;

function asLogEntry(chunk: unknown): LogEntry | null {
  const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : null;
  if (text === null) return null;
  if (METRICS_WARNING.test(text)) return { level: "WARN", message: text.trim(), timestamp: new Date().toISOString() };
  if (!text.startsWith("{") || !text.trimEnd().endsWith("}")) return null;
  try {
    const entry = JSON.parse(text) as Record<string, unknown>;
    return typeof entry.level === "string" && typeof entry.message === "string" && "timestamp" in entry ? (entry as LogEntry) : null;
  } catch {
    return null;
  }
}

export interface LogCaptureOptions {
  /** Append the functions' log lines to this file (JSON Lines); kept in no file when null. */
  file: string | null;
  /** Also show them on the terminal. */
  echo: boolean;
  onEntry: (entry: LogEntry) => void;
}

/**
 * Takes the functions' structured log lines out of the process's stdout/stderr (everything else
 * passes through). Returns the function that puts the streams back.
 */
export function captureFunctionLogs(options: LogCaptureOptions): () => void {
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, index) => {
    const original = originals[index]!;
    stream.write = function write(this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
      const entry = asLogEntry(chunk);
      if (entry === null) return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      options.onEntry(entry);
      if (options.file !== null) appendFileSync(options.file, `${JSON.stringify(entry)}\n`);
      const callback = rest.find((arg): arg is () => void => typeof arg === "function");
      if (options.echo) return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      callback?.();
      return true;
    } as typeof stream.write;
  });
  return () => streams.forEach((stream, index) => (stream.write = originals[index]!));
}

/** "NoTextFoundError: no text found" from the error a failed-record log entry carries. */
export function failureOf(entry: LogEntry): { messageId: string; reason: string } | null {
  const { messageId, error } = entry;
  if (typeof messageId !== "string" || typeof error !== "object" || error === null) return null;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return { messageId, reason: [name, message].filter((part) => typeof part === "string" && part !== "").join(": ") || "unknown error" };
}
