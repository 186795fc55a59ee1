/**
 * The whole pipeline on one machine: DynamoDB Local, an S3-compatible server and a Textract-compatible
 * endpoint over Tesseract, the tables and buckets the CDK stacks define, and the same function
 * modules (functions/<name>/handler.ts) invoked with the event shapes AWS sends them: S3 events
 * wrapped in SQS messages through an intake queue, Textract completion notices wrapped in SNS and
 * SQS through a completion queue, HTTP API events for the case API. The functions use the real AWS
 * SDK clients, pointed at the embedded servers.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CreateTableCommand, ResourceInUseException, UpdateTimeToLiveCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams";
import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { buildDocumentClient, buildDynamoDbClient, buildS3Client } from "#adapters/aws/client-builders.ts";
import { createTableInput, tableDesigns } from "#adapters/aws/table-design.ts";
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { DynamoDbPendingOcrJobs } from "#adapters/aws/dynamodb-pending-ocr-jobs.ts";
import { reason } from "#domain/review-reasons.ts";
import { buildUploadKey, mediaTypeOf, safeFileName } from "#domain/upload-key.ts";
import type { OcrEngine } from "#ports/ocr-engine.ts";
import { CASE_API_ROUTES, INTAKE_QUEUE, MATTER_STREAM, type ApiFunctionName } from "../infra/topology.ts";
import { startDynamoDbLocal, type DynamoDbLocal } from "./dynamodb-local.ts";
import { applyFunctionEnvironment, functionEnvironment, LOCAL_CREDENTIALS, LOCAL_NAMES, REGION, silenceSdkNodeVersionNotice, type LocalEndpoints } from "./environment.ts";
import { startConsoleServer, type ConsoleServer } from "./console-server.ts";
import { startHttpApi, type HttpApi, type HttpHandler, type Route } from "./http-api.ts";
import { captureFunctionLogs, failureOf } from "./lambda.ts";
import { matterStreamArn, StreamCheckpoints, StreamEventSourceMapping, type StreamHandler } from "./matter-stream.ts";
import { waitUntil } from "./net.ts";
import { clearLeftovers } from "./recovery.ts";
import { DeadLetterQueue, EventSourceMapping, LocalQueue, type DeadLetter, type QueueSettings, type SqsHandler } from "./queue.ts";
import { startS3Server, type S3Server, type S3ServerOptions } from "./s3-server.ts";
import { startTextractServer, type TextractJobNotice, type TextractServer, type TextractServerOptions } from "./textract-server.ts";
import { LocalUserPool, poolAuthorizer, userPoolEndpoints } from "./user-pool.ts";

const INTAKE_TIMEOUT_MS = INTAKE_QUEUE.consumerTimeoutSeconds * 1000;
/** A failed delivery comes back after a second locally (nine minutes on AWS, the queue's visibility timeout). */
const LOCAL_RETRY_DELAY_MS = 1_000;

export interface StackOptions {
  /** Where tables, objects and logs are kept across runs; null keeps everything in memory (tests). */
  dataDir: string | null;
  /** Serve the case API on this port (0: any free one); null serves none. */
  httpPort?: number | null;
  /** Serve the web console (dist/console) on this port (0: any free one), with the API; null or absent serves none. */
  consolePort?: number | null;
  /** Show the functions' log lines on the terminal besides keeping them. */
  echoLogs?: boolean;
  /** Overrides of the queues' delivery settings (tests shorten the retry delay). */
  queue?: { maxReceiveCount?: number; retryDelayMs?: number };
  /** Test-only: fault injection, and what the load bench observes; never set by `thads` commands. */
  testHooks?: TestHooks;
}

/** How often the matters stream is polled when it has nothing new (Lambda polls a shard four times a second). */
const STREAM_IDLE_POLL_MS = 250;

/** Where fault tests reach into the stack: what wraps a queue's function, which OCR engine the Textract stand-in runs. */
export interface TestHooks {
  /** Wraps the function a queue delivers to (e.g. to crash some invocations). */
  wrapQueueHandler?: (functionName: string, handler: SqsHandler) => SqsHandler;
  /** The engine the Textract stand-in reads with, instead of Tesseract. */
  ocr?: OcrEngine;
  /** The endpoints the functions are given, from the embedded servers' own (e.g. a fault proxy in front of one). */
  functionEndpoints?: (endpoints: LocalEndpoints) => Promise<LocalEndpoints>;
  /** Wraps the function the matters stream delivers to. */
  wrapStreamHandler?: (handler: StreamHandler) => StreamHandler;
}

/** The queue `thads redrive --queue NAME` names was none of the stack's. */
export class UnknownQueueError extends Error {
  override name = "UnknownQueueError";
  constructor(queueName: string) {
    super(reason("cli.unknown-queue", { queue: queueName, queues: [LOCAL_NAMES.intakeQueue, LOCAL_NAMES.completionQueue].join(", ") }).message);
  }
}

export interface Upload {
  courtId: string;
  fileName: string;
  bytes: Uint8Array;
  /** Defaults to today (UTC). */
  uploadDate?: string;
}

/** What a running stack writes beside its data, so that `thads` commands find it. */
export interface StackInfo {
  pid: number;
  endpoints: LocalEndpoints;
  apiUrl: string | null;
  startedAt: string;
}

export class StackAlreadyRunningError extends Error {
  override name = "StackAlreadyRunningError";
  constructor(readonly info: StackInfo) {
    super(reason("cli.stack-already-running", { pid: info.pid, api: info.apiUrl ?? "" }).message);
  }
}

const stackFile = (dataDir: string) => join(dataDir, "stack.json");
/** Where a queue's dead letters are kept. */
export const deadLetterFile = (dataDir: string, queueName: string) => join(dataDir, "dead-letters", `${queueName}.jsonl`);
/** Where the matters stream poller keeps its position in each shard. */
export const streamCheckpointFile = (dataDir: string) => join(dataDir, "matter-stream.json");

/** Whether a process with this id runs (ours to signal or not). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The stack another process runs on this data folder, if any. */
export function runningStack(dataDir: string): StackInfo | null {
  const file = stackFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, "utf8")) as StackInfo;
    return info.pid !== process.pid && processAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/** Local clients, built as the functions build theirs, signed with the local credentials. */
export function localClients(endpoints: LocalEndpoints) {
  silenceSdkNodeVersionNotice();
  const settings = { AWS_REGION: REGION, DYNAMODB_ENDPOINT: endpoints.dynamodb, S3_ENDPOINT: endpoints.s3, S3_FORCE_PATH_STYLE: true };
  const credentials = LOCAL_CREDENTIALS;
  const dynamodb = buildDynamoDbClient(settings, { credentials });
  return {
    dynamodb,
    documents: buildDocumentClient(dynamodb),
    streams: new DynamoDBStreamsClient({ region: REGION, endpoint: endpoints.dynamodb, credentials }),
    s3: buildS3Client(settings, { credentials, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" }),
  };
}

async function createTables(dynamodb: DynamoDBClient): Promise<void> {
  for (const design of tableDesigns) {
    try {
      await dynamodb.send(new CreateTableCommand(createTableInput(design, design.id)));
    } catch (error) {
      if (error instanceof ResourceInUseException) continue; // kept from an earlier run
      throw error;
    }
    if (design.timeToLiveAttribute) {
      await dynamodb.send(new UpdateTimeToLiveCommand({ TableName: design.id, TimeToLiveSpecification: { Enabled: true, AttributeName: design.timeToLiveAttribute } }));
    }
  }
}

/** The SNS envelope an SQS subscription receives (raw message delivery off), as the completion handler expects. */
function snsEnvelope(topicArn: string, notice: TextractJobNotice): string {
  return JSON.stringify({
    Type: "Notification",
    MessageId: randomUUID(),
    TopicArn: topicArn,
    Message: JSON.stringify(notice),
    Timestamp: new Date().toISOString(),
    SignatureVersion: "1",
    Signature: "LOCAL",
    SigningCertURL: `https://sns.${REGION}.amazonaws.com/local.pem`,
    UnsubscribeURL: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}:local`,
  });
}

/** Puts a document where a court's upload lands (courts/<court>/<date>/<upload id>/<name>). Returns the object key. */
export async function uploadDocument(s3: S3Client, upload: Upload): Promise<string> {
  const key = buildUploadKey({
    courtId: upload.courtId,
    uploadDate: upload.uploadDate ?? new Date().toISOString().slice(0, 10),
    uploadId: randomUUID(),
    fileName: safeFileName(upload.fileName),
  });
  await s3.send(
    new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadsBucket, Key: key, Body: upload.bytes, ContentType: mediaTypeOf(upload.fileName, undefined) ?? "application/octet-stream" }),
  );
  return key;
}

const handlerOf = async <T>(load: Promise<{ handler: unknown }>): Promise<T> => (await load).handler as T;

/** Each API function's module, loaded on its first request (literal paths, so the CLI bundle carries them). */
const API_HANDLERS: Record<ApiFunctionName, () => Promise<{ handler: unknown }>> = {
  "create-upload-url": () => import("../functions/create-upload-url/handler.ts"),
  "search-cases": () => import("../functions/search-cases/handler.ts"),
  "get-case": () => import("../functions/get-case/handler.ts"),
  "correct-case": () => import("../functions/correct-case/handler.ts"),
  "get-original-url": () => import("../functions/get-original-url/handler.ts"),
  "list-review-queue": () => import("../functions/list-review-queue/handler.ts"),
  "list-case-matters": () => import("../functions/list-case-matters/handler.ts"),
  "open-matter": () => import("../functions/open-matter/handler.ts"),
  "get-matter": () => import("../functions/get-matter/handler.ts"),
  "list-uploads": () => import("../functions/list-uploads/handler.ts"),
  "record-matter-step": () => import("../functions/record-matter-step/handler.ts"),
  "split-proposal": () => import("../functions/split-proposal/handler.ts"),
  "merge-proposals": () => import("../functions/merge-proposals/handler.ts"),
  "get-report": () => import("../functions/get-report/handler.ts"),
  "export-report": () => import("../functions/export-report/handler.ts"),
  "add-proposal": () => import("../functions/add-proposal/handler.ts"),
  "list-matters": () => import("../functions/list-matters/handler.ts"),
  "note-matter-obstacle": () => import("../functions/note-matter-obstacle/handler.ts"),
  "list-credit-cases": () => import("../functions/list-credit-cases/handler.ts"),
};

/** The case API's route table (infra/topology.ts, as CDK deploys it), each route with its function. */
function caseApiRoutes(): Route[] {
  return CASE_API_ROUTES.map(({ method, path, functionName }) => ({ method, path, functionName, handler: () => handlerOf<HttpHandler>(API_HANDLERS[functionName]()) }));
}

let stackInThisProcess = false;

export class LocalStack {
  private stopped = false;

  private constructor(
    readonly dataDir: string | null,
    readonly endpoints: LocalEndpoints,
    readonly environment: Record<string, string>,
    readonly clients: ReturnType<typeof localClients>,
    readonly cases: DynamoDbCaseRepository,
    readonly intake: LocalQueue,
    readonly intakeDeadLetters: DeadLetterQueue,
    readonly completions: LocalQueue,
    readonly completionDeadLetters: DeadLetterQueue,
    readonly api: HttpApi | null,
    /** apply-matter-changes fed by the matters table's stream. */
    readonly matterStream: StreamEventSourceMapping,
    /** Who signs in to the API: demo users of each role, and the key their tokens are signed with. */
    readonly userPool: LocalUserPool,
    /** The web console, when asked for (its own origin, as CloudFront's on AWS). */
    readonly console: ConsoleServer | null,
    private readonly parts: { dynamodb: DynamoDbLocal; s3: S3Server; s3Options: S3ServerOptions; textract: TextractServer; textractOptions: TextractServerOptions; mappings: EventSourceMapping[]; restoreOutput: () => void },
  ) {}

  /**
   * Starts the servers, creates tables and buckets, and connects the functions. One stack per process,
   * ever: the function modules keep the endpoints they loaded with.
   */
  static async start(options: StackOptions): Promise<LocalStack> {
    if (stackInThisProcess) throw new Error("one local stack per process: the functions read their settings once, when they load");
    const dataDir = options.dataDir === null ? null : resolve(options.dataDir);
    if (dataDir !== null) {
      const other = runningStack(dataDir);
      if (other) throw new StackAlreadyRunningError(other);
      mkdirSync(join(dataDir, "dynamodb"), { recursive: true });
      mkdirSync(join(dataDir, "s3"), { recursive: true });
      mkdirSync(join(dataDir, "logs"), { recursive: true });
      mkdirSync(join(dataDir, "dead-letters"), { recursive: true });
    }
    stackInThisProcess = true;

    const queueSettings: QueueSettings = {
      maxReceiveCount: options.queue?.maxReceiveCount ?? INTAKE_QUEUE.maxReceiveCount,
      visibilityTimeoutMs: INTAKE_QUEUE.visibilityTimeoutFactor * INTAKE_TIMEOUT_MS,
    };
    const eventSource = {
      batchSize: INTAKE_QUEUE.batchSize,
      maxConcurrency: INTAKE_QUEUE.maxConcurrency,
      timeoutMs: INTAKE_TIMEOUT_MS,
      retryDelayMs: options.queue?.retryDelayMs ?? LOCAL_RETRY_DELAY_MS,
    };
    const lastErrors = new Map<string, string>();
    const lastErrorOf = (messageId: string) => lastErrors.get(messageId) ?? null;
    const intakeDeadLetters = new DeadLetterQueue(`${LOCAL_NAMES.intakeQueue}-dlq`, lastErrorOf, dataDir === null ? null : deadLetterFile(dataDir, LOCAL_NAMES.intakeQueue));
    const intake = new LocalQueue(LOCAL_NAMES.intakeQueue, queueSettings, intakeDeadLetters);
    const completionDeadLetters = new DeadLetterQueue(`${LOCAL_NAMES.completionQueue}-dlq`, lastErrorOf, dataDir === null ? null : deadLetterFile(dataDir, LOCAL_NAMES.completionQueue));
    const completions = new LocalQueue(LOCAL_NAMES.completionQueue, queueSettings, completionDeadLetters);

    const started: { stop(): Promise<void> }[] = [];
    const s3Options: S3ServerOptions = {
      dataDir: dataDir === null ? null : join(dataDir, "s3"),
      buckets: [LOCAL_NAMES.uploadsBucket, LOCAL_NAMES.reportsBucket],
      notify: { bucket: LOCAL_NAMES.uploadsBucket, prefix: LOCAL_NAMES.uploadPrefix, configurationId: "ThadsIntakeNotification", send: (body) => intake.send(JSON.stringify(body)) },
    };
    try {
      // first, so that the API and the buckets let its origin call them
      let endpointsForConsole: readonly string[] = [];
      const web = options.consolePort === undefined || options.consolePort === null || options.httpPort === undefined || options.httpPort === null ? null : await startConsoleServer({ port: options.consolePort, connectTo: () => endpointsForConsole });
      if (web) started.push(web);
      const [dynamodb, s3] = await Promise.all([
        startDynamoDbLocal({ dataDir: dataDir === null ? null : join(dataDir, "dynamodb") }).then((server) => (started.push(server), server)),
        startS3Server(web ? Object.assign(s3Options, { corsOrigin: web.origin }) : s3Options).then((server) => (started.push(server), server)),
      ]);
      const s3Client = localClients({ dynamodb: dynamodb.endpoint, s3: s3.endpoint, textract: "" }).s3;
      const textractOptions: TextractServerOptions = {
        fetchObject: async ({ bucket, key, versionId }) => {
          const object = await s3Client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId && { VersionId: versionId }) }));
          return object.Body!.transformToByteArray();
        },
        publish: (topicArn, notice) => {
          if (topicArn === LOCAL_NAMES.textractTopicArn) completions.send(snsEnvelope(topicArn, notice));
        },
        ...(options.testHooks?.ocr && { ocr: options.testHooks.ocr }),
      };
      const textract = await startTextractServer(textractOptions);
      started.push(textract);
      const endpoints: LocalEndpoints = { dynamodb: dynamodb.endpoint, s3: s3.endpoint, textract: textract.endpoint };
      const clients = localClients(endpoints);
      await createTables(clients.dynamodb);

      const functionEndpoints = (await options.testHooks?.functionEndpoints?.(endpoints)) ?? endpoints;
      const environment = functionEnvironment({ names: LOCAL_NAMES, serviceName: "thads-local", endpoints: functionEndpoints });
      applyFunctionEnvironment(environment);
      const restoreOutput = captureFunctionLogs({
        file: dataDir === null ? null : join(dataDir, "logs", "functions.log"),
        echo: options.echoLogs ?? false,
        onEntry: (entry) => {
          const failure = failureOf(entry);
          if (failure) lastErrors.set(failure.messageId, failure.reason);
        },
      });
      // A crashed invocation logs no failed record: its error is the reason of each message it held.
      const onInvocationError = (error: unknown, records: readonly { messageId: string }[]) => {
        const detail = error instanceof Error ? [error.name, error.message].filter(Boolean).join(": ") : String(error);
        for (const record of records) lastErrors.set(record.messageId, detail);
        process.stderr.write(`local stack: a function invocation failed: ${detail}\n`);
      };
      const wrap = (functionName: string, handler: SqsHandler) => options.testHooks?.wrapQueueHandler?.(functionName, handler) ?? handler;
      const mapping = (queue: LocalQueue, functionName: string, handler: SqsHandler) =>
        new EventSourceMapping(queue, wrap(functionName, handler), { functionName, ...eventSource }, onInvocationError);
      const mappings = [
        mapping(intake, "ingest-document", await handlerOf<SqsHandler>(import("../functions/ingest-document/handler.ts"))),
        mapping(completions, "complete-textract-job", await handlerOf<SqsHandler>(import("../functions/complete-textract-job/handler.ts"))),
      ];
      const streamArn = await matterStreamArn(clients.dynamodb, LOCAL_NAMES.mattersTable);
      const applyChanges = await handlerOf<StreamHandler>(import("../functions/apply-matter-changes/handler.ts"));
      const matterStream = new StreamEventSourceMapping(
        clients.streams,
        streamArn,
        options.testHooks?.wrapStreamHandler?.(applyChanges) ?? applyChanges,
        {
          functionName: "apply-matter-changes",
          batchSize: MATTER_STREAM.batchSize,
          retryAttempts: MATTER_STREAM.retryAttempts,
          timeoutMs: MATTER_STREAM.consumerTimeoutSeconds * 1000,
          retryDelayMs: options.queue?.retryDelayMs ?? LOCAL_RETRY_DELAY_MS,
          idlePollMs: STREAM_IDLE_POLL_MS,
        },
        new StreamCheckpoints(streamArn, dataDir === null ? null : streamCheckpointFile(dataDir)),
        dataDir === null ? null : deadLetterFile(dataDir, LOCAL_NAMES.failedMatterChanges),
        REGION,
        (error) => process.stderr.write(`local stack: apply-matter-changes failed: ${error instanceof Error ? error.message : String(error)}\n`),
      );
      started.push(matterStream);
      const userPool = await LocalUserPool.open(dataDir === null ? null : join(dataDir, "user-pool"));
      const api =
        options.httpPort === undefined || options.httpPort === null
          ? null
          : await startHttpApi({ routes: caseApiRoutes(), port: options.httpPort, authorize: poolAuthorizer(userPool), endpoints: userPoolEndpoints(userPool), ...(web && { allowedOrigin: web.origin }) });
      if (web && api) {
        endpointsForConsole = [api.url, endpoints.s3];
        web.configure({ apiUrl: api.url, auth: { mode: "local" } });
      }

      const stack = new LocalStack(
        dataDir,
        endpoints,
        environment,
        clients,
        new DynamoDbCaseRepository(clients.documents, LOCAL_NAMES.casesTable),
        intake,
        intakeDeadLetters,
        completions,
        completionDeadLetters,
        api,
        matterStream,
        userPool,
        web,
        { dynamodb, s3, s3Options, textract, textractOptions, mappings, restoreOutput },
      );
      if (dataDir !== null) {
        const info: StackInfo = { pid: process.pid, endpoints, apiUrl: api?.url ?? null, startedAt: new Date().toISOString() };
        writeFileSync(stackFile(dataDir), `${JSON.stringify(info, null, 2)}\n`);
      }
      return stack;
    } catch (error) {
      await Promise.allSettled(started.map((server) => server.stop()));
      throw error;
    }
  }

  /** Puts a document where a court's upload lands; the bucket's notification starts the intake. Returns the object key. */
  upload(upload: Upload): Promise<string> {
    return uploadDocument(this.clients.s3, upload);
  }

  /** Every dead letter of both queues, oldest first. */
  deadLetters(): DeadLetter[] {
    return [...this.intakeDeadLetters.list(), ...this.completionDeadLetters.list()];
  }

  /**
   * Sends the dead letters of one queue (all queues when none is named) back to it, each once, as an
   * SQS dead-letter redrive does; those that fail again come back as new dead letters. Returns how many.
   * On an idle stack it first clears what a fault left behind (local/recovery.ts).
   */
  async redrive(queueName?: string): Promise<number> {
    if (this.idle) {
      await clearLeftovers({
        documents: this.clients.documents,
        s3: this.clients.s3,
        cases: this.cases,
        ocrJobs: new DynamoDbPendingOcrJobs(this.clients.documents, LOCAL_NAMES.casesTable),
        ocrJobHeld: (jobId) => this.parts.textract.hasJob(jobId),
        intake: this.intake,
        notificationId: this.parts.s3Options.notify.configurationId,
        deadLetters: [this.intakeDeadLetters, this.completionDeadLetters],
      });
    }
    const pairs: [LocalQueue, DeadLetterQueue][] = [
      [this.intake, this.intakeDeadLetters],
      [this.completions, this.completionDeadLetters],
    ];
    const chosen = queueName === undefined ? pairs : pairs.filter(([queue]) => queue.name === queueName);
    if (chosen.length === 0) throw new UnknownQueueError(queueName ?? "");
    let replayed = 0;
    for (const [queue, deadLetters] of chosen) {
      for (const letter of deadLetters.takeAll()) {
        queue.send(letter.body);
        replayed += 1;
      }
    }
    return replayed;
  }

  /** Fault tests: stops DynamoDB Local, as if its process died; the functions' calls fail until restartDynamoDb(). */
  async stopDynamoDb(): Promise<void> {
    await this.parts.dynamodb.stop();
  }

  /** Fault tests: starts DynamoDB Local again on the same port and data (kept only with a data folder). */
  async restartDynamoDb(): Promise<void> {
    const port = Number(new URL(this.endpoints.dynamodb).port);
    this.parts.dynamodb = await startDynamoDbLocal({ dataDir: this.dataDir === null ? null : join(this.dataDir, "dynamodb"), port });
  }

  /** Fault tests: stops the S3 server, as if its process died; objects stay (kept only with a data folder) until restartS3(). */
  async stopS3(): Promise<void> {
    await this.parts.s3.stop();
  }

  /** Fault tests: starts the S3 server again on the same port and objects. */
  async restartS3(): Promise<void> {
    this.parts.s3 = await startS3Server({ ...this.parts.s3Options, port: Number(new URL(this.endpoints.s3).port) });
  }

  /** Fault tests: the Textract stand-in restarted on the same port, as if the process died: the jobs it ran or held are forgotten. */
  async restartTextract(): Promise<void> {
    await this.parts.textract.stop();
    this.parts.textract = await startTextractServer({ ...this.parts.textractOptions, port: Number(new URL(this.endpoints.textract).port) });
  }

  /** DynamoDB Local's process (a JVM), whose CPU time benchmarks count beside this process's. */
  get dynamoDbLocalPid(): number | undefined {
    return this.parts.dynamodb.pid;
  }

  /** Documents somewhere in the intake: waiting or in flight in a queue, or in an OCR job. */
  get pendingWork(): number {
    return this.intake.depth + this.completions.depth + this.parts.textract.runningJobs;
  }

  /** Nothing left to do: both queues empty (delivered or dead-lettered), no OCR job and no invocation running. */
  get idle(): boolean {
    return this.intake.depth === 0 && this.completions.depth === 0 && this.parts.textract.runningJobs === 0 && !this.parts.mappings.some((mapping) => mapping.busy);
  }

  /** Waits until every document uploaded so far became a case or a dead letter. */
  async settled(timeoutMs = 30 * 60_000): Promise<void> {
    await waitUntil(async () => this.idle, { timeoutMs, what: "the intake to finish", intervalMs: 20 });
  }

  /** As settled(), reporting how many of `uploads` are done (counted from the work left in queues and OCR jobs). */
  async settle(uploads: readonly unknown[], onProgress: (done: number) => void): Promise<void> {
    const report = () => onProgress(Math.max(0, uploads.length - this.pendingWork));
    const ticker = setInterval(report, 250);
    try {
      await this.settled();
    } finally {
      clearInterval(ticker);
    }
    report();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all([this.api?.stop(), this.console?.stop()]);
    await Promise.all([...this.parts.mappings.map((mapping) => mapping.stop()), this.matterStream.stop()]);
    this.intake.close();
    this.completions.close();
    await Promise.allSettled([this.parts.textract.stop(), this.parts.s3.stop(), this.parts.dynamodb.stop()]);
    this.parts.restoreOutput();
    for (const client of Object.values(this.clients)) client.destroy();
    if (this.dataDir !== null) rmSync(stackFile(this.dataDir), { force: true });
  }
}
