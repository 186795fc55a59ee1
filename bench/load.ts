/**
 * Load on the embedded stack (npm run bench -- --only load [--uploads N], N = 1,000 by default): N
 * documents uploaded at once as courts upload, each through the case API (POST /upload-urls) and the
 * presigned URL it answers with (PUT), then followed until each is a case, a review case or a dead
 * letter. One in 20 is the first half of a judgment's PDF, which must end as a review case.
 *
 * Reports throughput (outcomes per second, from the first request to the last outcome), the latency
 * from a document's PUT answered to the end of the invocation that stored its case (p50, p95), and
 * how many uploads were lost (no fate) or duplicated (two fates). scripts/reliability.ts puts the
 * same figures in RELIABILITY.md.
 */
import { performance } from "node:perf_hooks";
import { availableParallelism, loadavg } from "node:os";
import type { SQSEvent } from "aws-lambda";
import { decodeEventKey } from "#domain/upload-key.ts";
import { LocalStack } from "../local/stack.ts";
import type { SqsHandler } from "../local/queue.ts";
import { bearer } from "../test/support/sign-in.ts";
import { uploadFates } from "../test/support/upload-fates.ts";
import { digitalDocuments } from "./local.ts";
import { percentile } from "./measure.ts";

export const DEFAULT_UPLOADS = 1_000;
/** The courts that upload: the demo court users of the local user pool, signed in as the console signs in. */
const COURTS = ["toa-an", "toa-an-2"];
const TRUNCATED_EVERY = 20;
/** Sent and finished before the clock starts: the first documents load pdf.js and warm the JIT and connections. */
const WARM_UP = 5;

export interface LoadResult {
  uploads: number;
  /** Uploads the API and the S3 server accepted (the others were refused, and are named in `refused`). */
  accepted: number;
  refused: string[];
  /** Connection failures met and sent again (request and cause). */
  retries: string[];
  seconds: number;
  perSecond: number;
  /** Upload-to-case latency, ms. */
  p50Ms: number;
  p95Ms: number;
  fates: Record<string, number>;
  lost: number;
  duplicated: number;
  cores: number;
  /** The machine's load average over the last minute, when the run ended. */
  load: number;
}

/** The object keys an intake invocation finished with (its records not listed as failed). */
function keysDone(event: SQSEvent, failed: ReadonlySet<string>): string[] {
  return event.Records.filter((record) => !failed.has(record.messageId)).flatMap((record) => {
    const body = JSON.parse(record.body) as { Records?: { s3: { object: { key: string } } }[] };
    return (body.Records ?? []).map((entry) => decodeEventKey(entry.s3.object.key));
  });
}

/** "fetch failed (ECONNRESET: read ECONNRESET)": an error with what caused it, as fetch nests it. */
function failureText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as (Error & { code?: string }) | undefined;
  return cause ? `${error.message} (${[cause.code, cause.message].filter(Boolean).join(": ")})` : error.message;
}

/** Attempts per request: as the AWS SDK's clients do, a court's client sends again when the connection failed. */
const ATTEMPTS = 3;

/** Connection failures the clients met (each sent again), by request and cause. */
type Retries = string[];

/**
 * Sends a request, again after a connection failure (up to ATTEMPTS in all, 1 s apart); the failures
 * are noted in `retries`. A request answered with any status is not sent again.
 */
async function sendWithRetries(name: string, request: () => Promise<Response>, retries: Retries): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const failure = `${name}: ${failureText(error)}`;
      if (attempt >= ATTEMPTS) throw new Error(failure);
      retries.push(failure);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/**
 * One court's upload through the API: an upload URL, then the PUT. Returns the object key. A PUT sent
 * again after a lost connection may find its first attempt stored: 412 (the URL allows one object) then means done.
 */
async function uploadThroughApi(apiUrl: string, upload: { court: { authorization: string }; fileName: string; bytes: Uint8Array }, retries: Retries): Promise<string> {
  const signed = await sendWithRetries(
    "POST /upload-urls",
    () =>
      fetch(`${apiUrl}/upload-urls`, {
        method: "POST",
        headers: { "content-type": "application/json", ...upload.court },
        body: JSON.stringify({ fileName: upload.fileName, contentType: "application/pdf", sizeBytes: upload.bytes.length }),
      }),
    retries,
  );
  if (signed.status !== 200) throw new Error(`POST /upload-urls answered ${signed.status}: ${await signed.text()}`);
  const { key, upload: presigned } = (await signed.json()) as { key: string; upload: { method: string; url: string; headers: Record<string, string> } };
  const before = retries.length;
  const put = await sendWithRetries("PUT", () => fetch(presigned.url, { method: presigned.method, headers: presigned.headers, body: upload.bytes }), retries);
  if (put.status !== 200 && !(put.status === 412 && retries.length > before)) throw new Error(`PUT answered ${put.status}: ${await put.text()}`);
  return key;
}

export async function benchLoad(options: { uploads?: number } = {}): Promise<LoadResult> {
  const uploads = options.uploads ?? DEFAULT_UPLOADS;
  const warmUp = await digitalDocuments(WARM_UP, 40_000);
  const documents = (await digitalDocuments(uploads, 50_000)).map((bytes, index) => (index % TRUNCATED_EVERY === TRUNCATED_EVERY - 1 ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes));
  const doneAt = new Map<string, number>();
  const stack = await LocalStack.start({
    dataDir: null,
    httpPort: 0,
    testHooks: {
      // Observes when each document's intake invocation ended; changes nothing of what it does.
      wrapQueueHandler: (functionName, handler): SqsHandler =>
        functionName !== "ingest-document"
          ? handler
          : async (event, context) => {
              const response = await handler(event, context);
              const ended = performance.now();
              for (const key of keysDone(event, new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier)))) if (!doneAt.has(key)) doneAt.set(key, ended);
              return response;
            },
    },
  });
  try {
    const apiUrl = stack.api!.url;
    const courts = await Promise.all(COURTS.map((username) => bearer(apiUrl, username)));
    await Promise.all(warmUp.map((bytes, index) => uploadThroughApi(apiUrl, { court: courts[0]!, fileName: `khoi-dong-${index}.pdf`, bytes }, [])));
    await stack.settled();
    const uploadedAt = new Map<string, number>();
    const refused: string[] = [];
    const retries: Retries = [];
    const started = performance.now();
    await Promise.all(
      documents.map(async (bytes, index) => {
        try {
          const key = await uploadThroughApi(apiUrl, { court: courts[index % courts.length]!, fileName: `ban-an-tai-tai-${index}.pdf`, bytes }, retries);
          uploadedAt.set(key, performance.now());
        } catch (error) {
          refused.push(failureText(error));
        }
      }),
    );
    await stack.settled();
    const seconds = (performance.now() - started) / 1000;
    const keys = [...uploadedAt.keys()];
    const fates = await uploadFates(stack, keys);
    const latencies = keys.flatMap((key) => {
      const done = doneAt.get(key);
      return done === undefined ? [] : [done - uploadedAt.get(key)!];
    });
    return {
      uploads,
      accepted: keys.length,
      refused,
      retries,
      seconds,
      perSecond: keys.length / seconds,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      fates: fates.counts,
      lost: fates.lost,
      duplicated: fates.duplicated,
      cores: availableParallelism(),
      load: loadavg()[0]!,
    };
  } finally {
    await stack.stop();
  }
}

export const fatesText = (fates: Record<string, number>) =>
  Object.entries(fates)
    .map(([fate, count]) => `${count} ${fate}`)
    .join(", ") || "none";

/** "117 (PUT: fetch failed (UND_ERR_CONNECT_TIMEOUT) 100, ...)" */
export function retriesText(retries: readonly string[]): string {
  const byCause = new Map<string, number>();
  for (const retry of retries) byCause.set(retry, (byCause.get(retry) ?? 0) + 1);
  return retries.length === 0 ? "0" : `${retries.length} (${[...byCause].map(([cause, count]) => `${count} ${cause}`).join("; ")})`;
}

export function formatLoadBench(result: LoadResult): string {
  return [
    `load: ${result.uploads.toLocaleString("en")} uploads at once through POST /upload-urls and the presigned PUT (embedded stack, ${result.cores} cores, load ${result.load.toFixed(1)})`,
    `  accepted ${result.accepted}${result.refused.length > 0 ? `; refused ${result.refused.length}, first: ${result.refused[0]}` : ""}`,
    `  connection failures sent again: ${retriesText(result.retries)}`,
    `  ${result.perSecond.toFixed(1)} documents/s end to end (${result.seconds.toFixed(1)} s); upload-to-case latency p50 ${(result.p50Ms / 1000).toFixed(1)} s, p95 ${(result.p95Ms / 1000).toFixed(1)} s`,
    `  outcomes: ${fatesText(result.fates)}; lost ${result.lost}, duplicated ${result.duplicated}`,
  ].join("\n");
}
