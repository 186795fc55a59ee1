/**
 * What a fault leaves behind on the local stack, cleared before a redrive while the stack is idle
 * (nothing queued, no invocation or OCR job running), so that after `thads redrive` every upload is
 * a case, a review case, or a dead letter that still needs one:
 *
 * - idempotency records left in progress by invocations that died mid-way (DynamoDB lost, the process
 *   killed): no invocation runs, so they are orphans, and a replay would be refused as a duplicate
 *   until they expire (the function's timeout). Removed, as their expiry would; on AWS the queue's
 *   visibility timeout outlasts it.
 * - pending OCR-job items whose job the Textract stand-in does not hold (it keeps jobs in memory: the
 *   stack stopped while they ran). No completion notice will come; the upload goes through intake
 *   again (the item and the idempotency record of the ingest that started the job removed, the
 *   upload's S3 event sent to the intake queue with its first event time), unless its case exists.
 * - dead letters of documents that are cases by now, and completion notices of jobs the stand-in does
 *   not hold (a replay could only fail again; the upload itself is taken care of above): taken off
 *   the list rather than replayed.
 */
import { createHash } from "node:crypto";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { DeleteCommand, paginateScan, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { DynamoDbCaseRepository } from "#adapters/aws/dynamodb-case-repository.ts";
import type { DynamoDbPendingOcrJobs } from "#adapters/aws/dynamodb-pending-ocr-jobs.ts";
import { caseIdFor } from "#domain/stored-case.ts";
import { LOCAL_NAMES } from "./environment.ts";
import type { DeadLetter, DeadLetterQueue, LocalQueue } from "./queue.ts";
import { objectCreatedNotification } from "./s3-server.ts";
import { deadLetterKey } from "./summary.ts";

export interface StackLeftovers {
  documents: DynamoDBDocumentClient;
  s3: S3Client;
  cases: DynamoDbCaseRepository;
  ocrJobs: DynamoDbPendingOcrJobs;
  /** Whether the Textract stand-in holds the job (running or finished). */
  ocrJobHeld: (jobId: string) => boolean;
  intake: LocalQueue;
  /** The configuration id the uploads bucket's notification carries. */
  notificationId: string;
  deadLetters: readonly DeadLetterQueue[];
}

export interface LeftoversCleared {
  idempotencyRecordsReleased: number;
  ocrJobsResumed: number;
  deadLettersResolved: number;
}

/** Deletes the idempotency records a filter picks; returns how many. */
async function deleteIdempotencyRecords(documents: DynamoDBDocumentClient, filter: { FilterExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> }): Promise<number> {
  let deleted = 0;
  for await (const page of paginateScan({ client: documents }, { TableName: LOCAL_NAMES.idempotencyTable, ConsistentRead: true, ...filter })) {
    for (const item of page.Items ?? []) {
      await documents.send(new DeleteCommand({ TableName: LOCAL_NAMES.idempotencyTable, Key: { id: item.id } }));
      deleted += 1;
    }
  }
  return deleted;
}

/** The case id an upload's bytes map to; null when the object is gone. */
async function caseIdOfUpload(s3: S3Client, key: string): Promise<string | null> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: LOCAL_NAMES.uploadsBucket, Key: key }));
    return caseIdFor(createHash("sha256").update(await object.Body!.transformToByteArray()).digest("hex"));
  } catch {
    return null;
  }
}

/** The OCR job a completion notice (SNS-wrapped Textract notice) is about; null for other letters. */
function noticeJobId(letter: DeadLetter): string | null {
  try {
    const body = JSON.parse(letter.body) as { Message?: string };
    return body.Message ? ((JSON.parse(body.Message) as { JobId?: string }).JobId ?? null) : null;
  } catch {
    return null;
  }
}

async function resumeOrphanedOcrJobs(stack: StackLeftovers): Promise<number> {
  let resumed = 0;
  for await (const job of stack.ocrJobs.all()) {
    if (stack.ocrJobHeld(job.jobId)) continue;
    await stack.ocrJobs.remove(job.jobId);
    if (await stack.cases.exists(job.caseId)) continue;
    // The ingest that started the job is remembered as done: forgotten, so the same event runs again.
    await deleteIdempotencyRecords(stack.documents, { FilterExpression: "#data.#jobId = :jobId", ExpressionAttributeNames: { "#data": "data", "#jobId": "jobId" }, ExpressionAttributeValues: { ":jobId": job.jobId } });
    const created = { bucket: job.source.bucket, key: job.source.key, size: job.source.sizeBytes ?? 0, eTag: "", sequencer: Date.now().toString(16).toUpperCase(), eventTime: job.receivedAt, eventName: "ObjectCreated:Put" };
    stack.intake.send(JSON.stringify(objectCreatedNotification(created, stack.notificationId)));
    resumed += 1;
  }
  return resumed;
}

async function resolveDeadLetters(stack: StackLeftovers): Promise<number> {
  let resolved = 0;
  for (const queue of stack.deadLetters) {
    const done = new Set<string>();
    for (const letter of queue.list()) {
      const jobId = noticeJobId(letter);
      const key = deadLetterKey(letter);
      const caseId = key === null ? null : await caseIdOfUpload(stack.s3, key);
      if ((jobId !== null && !stack.ocrJobHeld(jobId)) || (caseId !== null && (await stack.cases.exists(caseId)))) done.add(letter.messageId);
    }
    resolved += queue.take((letter) => done.has(letter.messageId)).length;
  }
  return resolved;
}

/** Clears the leftovers of a fault; call only while the stack is idle. */
export async function clearLeftovers(stack: StackLeftovers): Promise<LeftoversCleared> {
  const idempotencyRecordsReleased = await deleteIdempotencyRecords(stack.documents, {
    FilterExpression: "#status = :inProgress",
    ExpressionAttributeNames: { "#status": "status" },
    ExpressionAttributeValues: { ":inProgress": "INPROGRESS" },
  });
  const ocrJobsResumed = await resumeOrphanedOcrJobs(stack);
  const deadLettersResolved = await resolveDeadLetters(stack);
  return { idempotencyRecordsReleased, ocrJobsResumed, deadLettersResolved };
}
