/**
 * What `thads` commands work with: the stack `npm start` runs on the same data folder when there is
 * one (its servers are reached at the endpoints it wrote down), else a stack started in this process
 * for the command and stopped after it.
 */
import { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import { LOCAL_NAMES } from "./environment.ts";
import type { IntakeTarget, PendingUpload } from "./ingest.ts";
import { waitUntil } from "./net.ts";
import { dataDir as defaultDataDir } from "./paths.ts";
import { readDeadLetters, type DeadLetter } from "./queue.ts";
import { deadLetterFile, LocalStack, localClients, runningStack, uploadDocument, type StackInfo } from "./stack.ts";
import { deadLetterKey } from "./summary.ts";

export interface StackSession extends IntakeTarget {
  cases: DynamoDbCaseRepository;
  /** The other process's stack this session talks to; null when it started its own. */
  attachedTo: StackInfo | null;
  close(): Promise<void>;
}

/** Scans can take minutes each on a small machine; a document not done by then is reported as failed. */
const ATTACHED_SETTLE_TIMEOUT_MS = 30 * 60_000;

function attach(dataDir: string, info: StackInfo): StackSession {
  const clients = localClients(info.endpoints);
  const cases = new DynamoDbCaseRepository(clients.documents, LOCAL_NAMES.casesTable);
  const deadLetters = (): DeadLetter[] => [LOCAL_NAMES.intakeQueue, LOCAL_NAMES.completionQueue].flatMap((queue) => readDeadLetters(deadLetterFile(dataDir, queue)));
  return {
    cases,
    attachedTo: info,
    upload: (upload) => uploadDocument(clients.s3, upload),
    deadLetters,
    // The other process's queues are out of sight: a document is done once its case or its dead letter shows.
    settle: async (uploads: readonly PendingUpload[], onProgress) => {
      const done = new Set<string>();
      await waitUntil(
        async () => {
          const dead = new Set(deadLetters().map(deadLetterKey));
          for (const upload of uploads) {
            if (!done.has(upload.key) && (dead.has(upload.key) || (await cases.exists(upload.caseId)))) done.add(upload.key);
          }
          onProgress(done.size);
          return done.size === uploads.length;
        },
        { timeoutMs: ATTACHED_SETTLE_TIMEOUT_MS, what: "the running stack to process the documents", intervalMs: 250 },
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
    attachedTo: null,
    upload: (upload) => stack.upload(upload),
    deadLetters: () => stack.deadLetters(),
    settle: (uploads, onProgress) => stack.settle(uploads, onProgress),
    close: () => stack.stop(),
  };
}
