/**
 * What a fault leaves behind on the embedded stack, and `redrive` (what `thads redrive` runs) leaving a
 * clean state: an OCR job the stack lost while it ran, an idempotency record stuck in progress, dead
 * letters of documents that became cases. Each leftover is made as the fault makes it, or put where the
 * fault would put it, and is gone or resolved afterwards.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbPendingOcrJobs } from "#adapters/aws/dynamodb-pending-ocr-jobs.ts";
import { caseIdFor } from "#domain/stored-case.ts";
import type { OcrEngine, PageText } from "#ports/ocr-engine.ts";
import { renderScannedPdf, renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { waitUntil } from "../../local/net.ts";
import { readDeadLetters } from "../../local/queue.ts";
import { deadLetterFile, LocalStack } from "../../local/stack.ts";
import { deadLetterKey } from "../../local/summary.ts";
import { repoRoot } from "../support/paths.ts";
import { recordReliability } from "../support/reliability.ts";
import { uploadFates } from "../support/upload-fates.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** OCR answers by document: the lines of each page, or never (a job that runs until the stack loses it). */
const ocrScript = new Map<string, string[][] | "never">();
const scriptedOcr: OcrEngine = {
  name: "scripted",
  async recognize(document): Promise<PageText[]> {
    const script = ocrScript.get(sha256(document.bytes));
    if (script === "never") return new Promise<never>(() => undefined);
    if (!script) throw new Error("no OCR script for this document");
    return script.map((lines, index) => ({ pageNumber: index + 1, source: "ocr", lines: lines.map((text) => ({ text, confidence: 0.95, box: null })) }));
  },
};

/** The message bodies each queue delivered, by function: what a dead letter of theirs would hold. */
const delivered = new Map<string, string[]>();

let stack: LocalStack;
let dataDir: string;
let judgmentText: string;
let ocrJobs: DynamoDbPendingOcrJobs;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "thads-recovery-"));
  judgmentText = await readFile(join(repoRoot, "samples", "ban-an-vay-tai-san.txt"), "utf8");
  stack = await LocalStack.start({
    dataDir,
    queue: { retryDelayMs: 50, maxReceiveCount: 2 },
    testHooks: {
      ocr: scriptedOcr,
      wrapQueueHandler: (functionName, handler) => async (event, context) => {
        delivered.set(functionName, [...(delivered.get(functionName) ?? []), ...event.Records.map((record) => record.body)]);
        return handler(event, context);
      },
    },
  });
  ocrJobs = new DynamoDbPendingOcrJobs(stack.clients.documents, LOCAL_NAMES.casesTable);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const judgment = (number: number) => judgmentText.replace("27/2024/DS-ST", `${number}/2024/DS-ST`);

/** A judgment's text as the OCR of a scan of `pages` pages reads it. */
function scannedJudgment(number: number, pages: number): string[][] {
  const lines = judgment(number).split("\n");
  const perPage = Math.ceil(lines.length / pages);
  return Array.from({ length: pages }, (_, page) => lines.slice(page * perPage, (page + 1) * perPage));
}

async function pendingOcrJobs() {
  const jobs = [];
  for await (const job of ocrJobs.all()) jobs.push(job);
  return jobs;
}

/** The body a queue delivered for this upload (an S3 event, or a Textract notice naming the object). */
function deliveredFor(functionName: string, key: string): string {
  const body = delivered.get(functionName)?.find((entry) => deadLetterKey({ messageId: "", body: entry, receiveCount: 0, lastError: null }) === key);
  if (!body) throw new Error(`${functionName} was given nothing about ${key}`);
  return body;
}

describe("leftovers of a fault, after redrive", () => {
  it("an OCR job the stack lost while it ran (the Textract stand-in restarted): the upload goes through intake again and becomes a case, and no OCR-job item is left", async (context) => {
    const scan = await renderScannedPdf(2);
    ocrScript.set(sha256(scan), "never");
    const key = await stack.upload({ courtId: "tand-binh-luc", fileName: "scan-mat-viec-ocr.pdf", bytes: scan });
    await waitUntil(async () => stack.intake.depth === 0 && (await pendingOcrJobs()).length === 1, { timeoutMs: 60_000, what: "the OCR job to start" });
    await stack.restartTextract();
    await stack.settled(60_000);
    const during = await uploadFates(stack, [key]);
    expect(during.lost, "before recovery the upload is neither a case nor a dead letter").toBe(1);

    ocrScript.set(sha256(scan), scannedJudgment(700, 2));
    await stack.redrive();
    await stack.settled(60_000);

    const after = await uploadFates(stack, [key]);
    expect(after).toMatchObject({ counts: { case: 1 }, lost: 0, duplicated: 0 });
    expect((await stack.cases.get(caseIdFor(sha256(scan))))?.caseNumber).toBe("700/2024/DS-ST");
    expect(await pendingOcrJobs()).toEqual([]);
    expect(stack.deadLetters()).toEqual([]);
    recordReliability(context, { kind: "fault", fault: "Textract stand-in restarted while an OCR job ran (the job and its notice lost)", uploaded: 1, duringFault: during.counts, afterRecovery: after.counts, lost: after.lost, duplicated: after.duplicated, recovery: "redrive: the upload through intake again" });
  }, 120_000);

  it("an idempotency record stuck in progress (its invocation died) is removed", async () => {
    const id = `thads-local-ingest-document#${randomUUID()}`;
    const now = Math.floor(Date.now() / 1000);
    await stack.clients.documents.send(new PutCommand({ TableName: LOCAL_NAMES.idempotencyTable, Item: { id, status: "INPROGRESS", expiration: now + 3600, in_progress_expiration: (now + 600) * 1000 } }));

    await stack.redrive();
    await stack.settled(60_000);

    expect((await stack.clients.documents.send(new GetCommand({ TableName: LOCAL_NAMES.idempotencyTable, Key: { id }, ConsistentRead: true }))).Item).toBeUndefined();
  }, 60_000);

  it("dead letters of documents that became cases (an S3 event and an OCR completion notice) are taken off the list, not replayed", async () => {
    const digital = await renderTextPdf([judgment(701)]);
    const scan = await renderScannedPdf(4);
    ocrScript.set(sha256(scan), scannedJudgment(702, 4));
    const keys = [await stack.upload({ courtId: "tand-phu-ly", fileName: "ban-an-701.pdf", bytes: digital }), await stack.upload({ courtId: "tand-phu-ly", fileName: "scan-702.pdf", bytes: scan })];
    await stack.settled(60_000);
    expect((await uploadFates(stack, keys)).counts).toEqual({ case: 2 });
    // As a fault leaves them: delivered, failed, dead-lettered, while another delivery made the case.
    stack.intakeDeadLetters.add({ messageId: randomUUID(), body: deliveredFor("ingest-document", keys[0]!), receiveCount: 2 });
    stack.completionDeadLetters.add({ messageId: randomUUID(), body: deliveredFor("complete-textract-job", keys[1]!), receiveCount: 2 });
    expect(stack.deadLetters()).toHaveLength(2);

    const replayed = await stack.redrive();
    await stack.settled(60_000);

    expect(replayed).toBe(0);
    expect(stack.deadLetters()).toEqual([]);
    expect(readDeadLetters(deadLetterFile(dataDir, LOCAL_NAMES.intakeQueue))).toEqual([]);
    expect(readDeadLetters(deadLetterFile(dataDir, LOCAL_NAMES.completionQueue))).toEqual([]);
    expect(await uploadFates(stack, keys)).toMatchObject({ counts: { case: 2 }, lost: 0, duplicated: 0 });
  }, 120_000);
});
