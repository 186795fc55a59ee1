/**
 * Faults injected into the embedded stack while documents go through it: a function crashing
 * mid-batch, OCR failing on one page, DynamoDB Local or the S3 server stopped and restarted, DynamoDB
 * and S3 throttling (a loopback proxy in front of each answers as the service does when it sheds load). Afterwards every upload is
 * exactly one of a case, a review case or a dead letter with its reason: none lost, none twice, no
 * idempotency record left in progress, and `redrive` brings the dead letters to cases once the fault
 * is gone. Loopback only; each fault bounded in time.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSRecord } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseIdFor } from "#domain/stored-case.ts";
import type { OcrEngine, PageText } from "#ports/ocr-engine.ts";
import { renderScannedPdf, renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { LocalStack } from "../../local/stack.ts";
import { startFaultProxy, type FaultProxy, type ThrottledService } from "../support/fault-proxy.ts";
import { recordReliability } from "../support/reliability.ts";
import { uploadFates } from "../support/upload-fates.ts";
import { repoRoot } from "../support/paths.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const caseIdOf = (bytes: Uint8Array) => caseIdFor(sha256(bytes));

/** Switches the tests turn on and off. */
const faults = {
  /** Invocations of ingest-document wait for this before doing anything (to let a batch build up). */
  gate: Promise.resolve(),
  /** A record that crashes the ingest invocation holding it, after the records before it were processed. */
  crashOn: null as ((record: SQSRecord) => boolean) | null,
  crashesMidBatch: 0,
};

/** OCR answers by document: the lines of each page, or a failure on one page. */
const ocrScript = new Map<string, string[][] | { failOnPage: number }>();
const scriptedOcr: OcrEngine = {
  name: "scripted",
  async recognize(document): Promise<PageText[]> {
    const script = ocrScript.get(sha256(document.bytes));
    if (!script) throw new Error("no OCR script for this document");
    if (!Array.isArray(script)) throw new Error(`injected OCR failure on page ${script.failOnPage}`);
    return script.map((lines, index) => ({ pageNumber: index + 1, source: "ocr", lines: lines.map((text) => ({ text, confidence: 0.95, box: null })) }));
  },
};

let stack: LocalStack;
let dataDir: string;
let judgmentText: string;
/** The proxies the functions reach DynamoDB and S3 through. */
const proxies = {} as Record<ThrottledService, FaultProxy>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "thads-faults-"));
  judgmentText = await readFile(join(repoRoot, "samples", "ban-an-vay-tai-san.txt"), "utf8");
  stack = await LocalStack.start({
    dataDir,
    queue: { retryDelayMs: 50, maxReceiveCount: 3 },
    testHooks: {
      ocr: scriptedOcr,
      functionEndpoints: async (endpoints) => {
        proxies.dynamodb = await startFaultProxy("dynamodb", endpoints.dynamodb);
        proxies.s3 = await startFaultProxy("s3", endpoints.s3);
        return { ...endpoints, dynamodb: proxies.dynamodb.endpoint, s3: proxies.s3.endpoint };
      },
      wrapQueueHandler: (functionName, handler) =>
        functionName !== "ingest-document"
          ? handler
          : async (event, context) => {
              await faults.gate;
              const poisoned = faults.crashOn === null ? -1 : event.Records.findIndex(faults.crashOn);
              if (poisoned < 0) return handler(event, context);
              if (poisoned > 0) {
                await handler({ Records: event.Records.slice(0, poisoned) }, context);
                faults.crashesMidBatch += 1;
              }
              throw new Error("injected crash mid-batch");
            },
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

/** The sample judgment under another case number: a distinct document, a distinct case. */
function judgment(number: number): string {
  return judgmentText.replace("27/2024/DS-ST", `${number}/2024/DS-ST`);
}

/** What became of each upload; every dead letter carries its reason. */
async function fates(keys: readonly string[]) {
  const result = await uploadFates(stack, keys);
  expect(result.deadLettersWithoutReason, "a dead letter carries its reason").toBe(0);
  return result;
}

async function idempotencyRecordsInProgress(): Promise<number> {
  const { Items = [] } = await stack.clients.documents.send(new ScanCommand({ TableName: LOCAL_NAMES.idempotencyTable }));
  return Items.filter((item) => item.status === "INPROGRESS").length;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds every ingest invocation at the gate until the returned function is called. */
function closeGate(): () => void {
  let open = () => undefined as void;
  faults.gate = new Promise<void>((resolve) => (open = resolve));
  return open;
}

const restartRecovery = (during: { counts: Record<string, number> }) => (during.counts["dead letter"] ? "restart, then redrive" : "restart (SDK and queue retries)");

async function recoverByRedrive(keys: readonly string[]) {
  await stack.redrive();
  await stack.settled(120_000);
  const after = await fates(keys);
  expect(after).toMatchObject({ lost: 0, duplicated: 0 });
  expect(after.counts["dead letter"] ?? 0).toBe(0);
  expect(await idempotencyRecordsInProgress()).toBe(0);
  return after;
}

describe("faults injected into the embedded stack", () => {
  it("a function crashing mid-batch: records done before the crash are not done twice, the rest are dead-lettered with the reason and redriven to cases", async (context) => {
    const open = closeGate();
    faults.crashOn = (record) => record.body.includes("crash-");
    const names = ["a", "b", "c", "d", "e", "f", "g", "crash-h", "i", "j", "crash-k", "l"];
    const keys: string[] = [];
    // One at a time, so that the queue's order is the upload order: the first five invocations wait at
    // the gate, the others queue up into batches with a crashing record in the middle.
    for (const [index, name] of names.entries()) {
      keys.push(await stack.upload({ courtId: "tand-binh-luc", fileName: `ban-an-${name}.pdf`, bytes: await renderTextPdf([judgment(100 + index)]) }));
    }
    open();
    await stack.settled(120_000);
    const during = await fates(keys);
    expect(faults.crashesMidBatch).toBeGreaterThan(0);
    expect(during.lost).toBe(0);
    expect(during.counts["dead letter"]).toBeGreaterThanOrEqual(2);

    faults.crashOn = null;
    const after = await recoverByRedrive(keys);
    expect(after.counts.case ?? 0).toBe(keys.length);
    recordReliability(context, { kind: "fault", fault: "ingest function crashing mid-batch (12 uploads, 2 always crash)", uploaded: keys.length, duringFault: during.counts, afterRecovery: after.counts, lost: after.lost, duplicated: after.duplicated, recovery: "redrive" });
  }, 180_000);

  it("OCR failing on one page of a scan: that scan is a review case saying OCR failed, the other scan a case", async (context) => {
    const [good, bad] = [await renderScannedPdf(1), await renderScannedPdf(3)];
    ocrScript.set(sha256(good), [judgment(200).split("\n")]);
    ocrScript.set(sha256(bad), { failOnPage: 2 });
    const keys = [
      await stack.upload({ courtId: "tand-binh-luc", fileName: "scan-1-trang.pdf", bytes: good }),
      await stack.upload({ courtId: "tand-binh-luc", fileName: "scan-3-trang.pdf", bytes: bad }),
    ];
    await stack.settled(120_000);

    const result = await fates(keys);
    expect(result).toMatchObject({ lost: 0, duplicated: 0 });
    expect(result.counts["dead letter"] ?? 0).toBe(0);
    const failedScan = await stack.cases.get(caseIdOf(bad));
    expect(failedScan?.status).toBe("needs_review");
    expect(failedScan?.reviewCodes).toContain("document.ocr-failed");
    expect(failedScan?.source.key).toBe(keys[1]);
    expect((await stack.cases.get(caseIdOf(good)))?.caseNumber).toBe("200/2024/DS-ST");
    recordReliability(context, { kind: "fault", fault: "OCR failing on page 2 of a 3-page scan", uploaded: keys.length, duringFault: result.counts, afterRecovery: result.counts, lost: result.lost, duplicated: result.duplicated, recovery: "none needed: a review case with its reason" });
  }, 180_000);

  it("DynamoDB Local stopped mid-ingest and restarted on the same data: nothing lost, and redrive brings the dead letters to cases", async (context) => {
    const documents = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((index) => renderTextPdf([judgment(300 + index)])));
    const keys = await Promise.all(documents.map((bytes, index) => stack.upload({ courtId: "tand-phu-ly", fileName: `ban-an-${index}.pdf`, bytes })));
    await stack.stopDynamoDb();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await stack.restartDynamoDb();
    await stack.settled(120_000);
    const during = await fates(keys);
    expect(during.lost).toBe(0);

    const after = await recoverByRedrive(keys);
    expect(after.counts.case ?? 0).toBe(keys.length);
    recordReliability(context, { kind: "fault", fault: "DynamoDB Local stopped mid-ingest, restarted after 1 s (8 uploads)", uploaded: keys.length, duringFault: during.counts, afterRecovery: after.counts, lost: after.lost, duplicated: after.duplicated, recovery: restartRecovery(during) });
  }, 240_000);

  it("the S3 server stopped mid-ingest and restarted on the same objects: nothing lost, and redrive brings the dead letters to cases", async (context) => {
    const open = closeGate();
    const documents = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((index) => renderTextPdf([judgment(400 + index)])));
    const keys = await Promise.all(documents.map((bytes, index) => stack.upload({ courtId: "tand-phu-ly", fileName: `ban-an-s3-${index}.pdf`, bytes })));
    await stack.stopS3();
    open();
    await pause(1_000);
    await stack.restartS3();
    await stack.settled(120_000);
    const during = await fates(keys);
    expect(during.lost).toBe(0);

    const after = await recoverByRedrive(keys);
    expect(after.counts.case ?? 0).toBe(keys.length);
    recordReliability(context, { kind: "fault", fault: "S3 server stopped mid-ingest, restarted after 1 s (8 uploads)", uploaded: keys.length, duringFault: during.counts, afterRecovery: after.counts, lost: after.lost, duplicated: after.duplicated, recovery: restartRecovery(during) });
  }, 240_000);

  const throttlings: { service: ThrottledService; answer: string; first: number }[] = [
    { service: "dynamodb", answer: "DynamoDB answering ProvisionedThroughputExceededException", first: 500 },
    { service: "s3", answer: "S3 answering 503 SlowDown", first: 600 },
  ];
  it.for(throttlings)("$answer to every request for 2 s: nothing lost or twice, and redrive brings any dead letters to cases", { timeout: 240_000 }, async ({ service, answer, first }, context) => {
    const open = closeGate();
    const documents = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((index) => renderTextPdf([judgment(first + index)])));
    const keys = await Promise.all(documents.map((bytes, index) => stack.upload({ courtId: "tand-binh-luc", fileName: `ban-an-${service}-${index}.pdf`, bytes })));
    const before = proxies[service].throttled;
    proxies[service].throttling(true);
    open();
    await pause(2_000);
    proxies[service].throttling(false);
    await stack.settled(120_000);
    const throttled = proxies[service].throttled - before;
    expect(throttled).toBeGreaterThan(0);
    const during = await fates(keys);
    expect(during.lost).toBe(0);
    expect(during.duplicated).toBe(0);

    const after = await recoverByRedrive(keys);
    expect(after.counts.case ?? 0).toBe(keys.length);
    recordReliability(context, {
      kind: "fault",
      fault: `${answer} for 2 s (8 uploads, ${throttled} requests refused)`,
      uploaded: keys.length,
      duringFault: during.counts,
      afterRecovery: after.counts,
      lost: after.lost,
      duplicated: after.duplicated,
      recovery: during.counts["dead letter"] ? "SDK and queue retries, then redrive" : "SDK and queue retries",
    });
  });
});
