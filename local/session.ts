/**
 * What `thads` commands work with: the stack `npm start` runs on the same data folder when there is
 * one (its servers are reached at the endpoints it wrote down), else a stack started in this process
 * for the command and stopped after it.
 */
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { DynamoDbReportAggregates } from "#adapters/aws/dynamodb-report-aggregates.ts";
import { reason } from "#domain/review-reasons.ts";
import { LOCAL_NAMES } from "./environment.ts";
import type { IntakeTarget, PendingUpload } from "./ingest.ts";
import { waitUntil } from "./net.ts";
import { dataDir as defaultDataDir } from "./paths.ts";
import { matterStreamArn, StreamCheckpoints, streamDrained } from "./matter-stream.ts";
import { readDeadLetters, type DeadLetter } from "./queue.ts";
import { deadLetterFile, LocalStack, localClients, processAlive, runningStack, streamCheckpointFile, uploadDocument, type StackInfo } from "./stack.ts";
import { deadLetterKey } from "./summary.ts";

export interface StackSession extends IntakeTarget {
  cases: DynamoDbCaseRepository;
  matters: DynamoDbMatterRepository;
  aggregates: DynamoDbReportAggregates;
  /** The other process's stack this session talks to; null when it started its own. */
  attachedTo: StackInfo | null;
  /** Waits until every matter change written so far is in the report aggregates (the matters stream is drained). */
  matterChangesApplied(): Promise<void>;
  /** Sends the dead letters of one queue (all when none is named) back to it and waits until they are done; returns how many. */
  redrive(queueName?: string): Promise<number>;
  close(): Promise<void>;
}

/** How long a command waits for the running stack to apply the matter changes written so far. */
const STREAM_SETTLE_TIMEOUT_MS = 2 * 60_000;

/** Scans can take minutes each on a small machine; a document not done by then is reported as failed. */
const ATTACHED_SETTLE_TIMEOUT_MS = 30 * 60_000;
/** How long the stack's DynamoDB may fail to answer (a restart, a pause) before the command gives up on it. */
const STACK_UNREACHABLE_MS = 20_000;

/** The stack this command was attached to stopped, or stopped answering, before the documents were done. */
export class StackLostError extends Error {
  override name = "StackLostError";
}

/** A redrive needs the queues in this process: another process's are out of reach. */
export class RedriveWhileRunningError extends Error {
  override name = "RedriveWhileRunningError";
  constructor(info: StackInfo) {
    super(reason("cli.stack-in-other-process", { pid: info.pid }).message);
  }
}

/**
 * Checks, while waiting on another process's stack, that it is still there: its process alive, and
 * its DynamoDB answering within STACK_UNREACHABLE_MS of the last answer.
 */
function stackWatch(info: StackInfo) {
  let lastAnswer = Date.now();
  return {
    assertRunning(): void {
      if (!processAlive(info.pid)) {
        throw new StackLostError(reason("cli.stack-stopped", { pid: info.pid }).message);
      }
    },
    answered(): void {
      lastAnswer = Date.now();
    },
    /** Whether an error of the stack's DynamoDB may still be a passing one; throws StackLostError once it lasted too long. */
    tolerate(error: unknown): boolean {
      if (error instanceof StackLostError) return false;
      if (Date.now() - lastAnswer <= STACK_UNREACHABLE_MS) return true;
      const detail = error instanceof Error ? error.message || error.name : String(error);
      throw new StackLostError(reason("cli.stack-unreachable", { seconds: STACK_UNREACHABLE_MS / 1000, detail }).message);
    },
  };
}

function attach(dataDir: string, info: StackInfo): StackSession {
  const clients = localClients(info.endpoints);
  const cases = new DynamoDbCaseRepository(clients.documents, LOCAL_NAMES.casesTable);
  const matters = new DynamoDbMatterRepository(clients.documents, LOCAL_NAMES.mattersTable);
  const deadLetters = (): DeadLetter[] => [LOCAL_NAMES.intakeQueue, LOCAL_NAMES.completionQueue].flatMap((queue) => readDeadLetters(deadLetterFile(dataDir, queue)));
  return {
    cases,
    matters,
    aggregates: new DynamoDbReportAggregates(clients.documents, LOCAL_NAMES.analyticsTable),
    attachedTo: info,
    upload: (upload) => uploadDocument(clients.s3, upload),
    deadLetters,
    redrive: () => Promise.reject(new RedriveWhileRunningError(info)),
    // The other process polls the stream; its checkpoints show how far it got.
    matterChangesApplied: async () => {
      const streamArn = await matterStreamArn(clients.dynamodb, LOCAL_NAMES.mattersTable);
      const watch = stackWatch(info);
      await waitUntil(
        async () => {
          watch.assertRunning();
          const drained = await streamDrained(clients.streams, new StreamCheckpoints(streamArn, streamCheckpointFile(dataDir)), streamArn);
          watch.answered();
          return drained;
        },
        { timeoutMs: STREAM_SETTLE_TIMEOUT_MS, what: "the running stack to apply the matter changes", intervalMs: 100, retryOn: (error) => watch.tolerate(error) },
      );
    },
    // The other process's queues are out of sight: a document is done once its case or its dead letter shows.
    settle: async (uploads: readonly PendingUpload[], onProgress) => {
      const done = new Set<string>();
      const watch = stackWatch(info);
      await waitUntil(
        async () => {
          watch.assertRunning();
          const dead = new Set(deadLetters().map(deadLetterKey));
          for (const upload of uploads) {
            if (!done.has(upload.key) && (dead.has(upload.key) || (await cases.exists(upload.caseId)))) done.add(upload.key);
          }
          watch.answered();
          onProgress(done.size);
          return done.size === uploads.length;
        },
        { timeoutMs: ATTACHED_SETTLE_TIMEOUT_MS, what: "the running stack to process the documents", intervalMs: 250, retryOn: (error) => watch.tolerate(error) },
      );
    },
    close: async () => {
      for (const client of Object.values(clients)) client.destroy();
    },
  };
}

export async function openStackSession(dataDir = defaultDataDir()): Promise<StackSession> {
  const running = runningStack(dataDir);
  if (running) return attach(dataDir, running);
  const stack = await LocalStack.start({ dataDir });
  return {
    cases: stack.cases,
    matters: new DynamoDbMatterRepository(stack.clients.documents, LOCAL_NAMES.mattersTable),
    aggregates: new DynamoDbReportAggregates(stack.clients.documents, LOCAL_NAMES.analyticsTable),
    attachedTo: null,
    upload: (upload) => stack.upload(upload),
    deadLetters: () => stack.deadLetters(),
    matterChangesApplied: () => stack.matterStream.settled(STREAM_SETTLE_TIMEOUT_MS),
    redrive: async (queueName) => {
      const replayed = await stack.redrive(queueName);
      await stack.settled();
      return replayed;
    },
    settle: (uploads, onProgress) => stack.settle(uploads, onProgress),
    close: () => stack.stop(),
  };
}
