/**
 * The embedded stack end to end (npm run bench -- --only local):
 *   - start-up: the whole stack once (servers, tables, function modules), and DynamoDB Local alone
 *     (its JVM is most of it), median of three;
 *   - documents per second from upload to stored case, digital PDFs (goal >= 20/s) and scans (OCR);
 *   - the report rollup over 10^5 matters read back from DynamoDB Local (parallel scan), beside the
 *     same rollup over the same matters in memory: the ratio is what the database costs.
 *
 *   npx tsx bench/local.ts [--matters N]
 */
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { BatchWriteCommand, paginateScan } from "@aws-sdk/lib-dynamodb";
import type { MatterEvent } from "#domain/lifecycle/matter.ts";
import { parsePeriod, previousYear } from "#domain/report/periods.ts";
import { rollup, type MatterHistory } from "#domain/report/rollup.ts";
import { startDynamoDbLocal } from "../local/dynamodb-local.ts";
import { LOCAL_NAMES } from "../local/environment.ts";
import { LocalStack } from "../local/stack.ts";
import { renderTextPdf } from "../scripts/pdf/render-text-pdf.ts";
import { CLEAN_LOOK, rasterisePdf, renderTextPdf as renderScanSource, scanPages, scannerLook } from "../scripts/make-scans.ts";
import { median } from "./measure.ts";
import { pool } from "./report.ts";
import type { BenchSection } from "./section.ts";

const SAMPLES = fileURLToPath(new URL("../samples/", import.meta.url));
/**
 * Samples whose every page has a usable text layer. The credit judgment's PDF has a page holding one
 * short line, which the reader sends to OCR, and a multi-page document with any page to recognise
 * becomes an OCR job for the whole document: it measures as a scan, not as a digital PDF.
 */
const SAMPLE_TEXTS = ["ban-an-vay-tai-san", "quyet-dinh-cong-nhan-thoa-thuan-ly-hon"];
const DIGITAL_GOAL_PER_SECOND = 20;
const DIGITAL_ROUNDS = 3;
const DIGITAL_PER_ROUND = 60;
const WRITE_CONCURRENCY = 8;
const SCAN_SEGMENTS = 4;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** `count` different judgments: the samples with their case number changed, so each is a case of its own. */
export async function digitalDocuments(count: number, offset: number): Promise<Uint8Array[]> {
  const texts = await Promise.all(SAMPLE_TEXTS.map((name) => readFile(join(SAMPLES, `${name}.txt`), "utf8")));
  return Promise.all(
    Array.from({ length: count }, (_, index) => {
      const text = texts[index % texts.length]!.replace(/\b\d+\/(20\d\d)\//, `${offset + index + 1}/$1/`);
      return renderTextPdf([text]);
    }),
  );
}

/** CPU seconds a process has used (Linux /proc), for the JVM beside this process; null elsewhere. */
function processCpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

interface Throughput {
  perSecond: number;
  /** CPU per document: this process (functions, S3 server, Textract endpoint) and DynamoDB Local's JVM. */
  nodeCpuMs: number;
  javaCpuMs: number | null;
}

/** Uploads every document at once and times until all are cases. */
async function throughput(stack: LocalStack, documents: readonly Uint8Array[], extension: string): Promise<Throughput> {
  const javaBefore = processCpuSeconds(stack.dynamoDbLocalPid);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(documents.map((bytes, index) => stack.upload({ courtId: "tand-binh-luc", fileName: `bench-${index}.${extension}`, bytes })));
  await stack.settled();
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const javaAfter = processCpuSeconds(stack.dynamoDbLocalPid);
  if (stack.deadLetters().length > 0) throw new Error(`bench documents failed: ${stack.deadLetters().map((letter) => letter.lastError).join("; ")}`);
  return {
    perSecond: documents.length / (elapsed / 1000),
    nodeCpuMs: (cpu.user + cpu.system) / 1000 / documents.length,
    javaCpuMs: javaBefore === null || javaAfter === null ? null : ((javaAfter - javaBefore) * 1000) / documents.length,
  };
}

/** Two scans: a one-page photo (read at once) and a scanned PDF of several pages (an OCR job). */
async function scannedDocuments(): Promise<{ documents: { bytes: Uint8Array; extension: string }[]; pages: number }> {
  const text = await readFile(join(SAMPLES, "quyet-dinh-cong-nhan-thoa-thuan-ly-hon.txt"), "utf8");
  const variant = (n: number) => text.replace(/\b\d+\/(20\d\d)\//, `${900 + n}/$1/`);
  const onePage = await rasterisePdf(await renderScanSource(variant(1).split("\n").slice(0, 24).join("\n")), CLEAN_LOOK.dpi);
  const whole = await rasterisePdf(await renderScanSource(variant(2)), CLEAN_LOOK.dpi);
  return {
    documents: [
      { bytes: await scanPages(onePage, "jpg", scannerLook("bench-1"), "bench-1"), extension: "jpg" },
      { bytes: await scanPages(whole, "pdf", scannerLook("bench-2"), "bench-2"), extension: "pdf" },
    ],
    pages: onePage.length + whole.length,
  };
}

/** A matter with its events as one item of the analytics table (the layout the report domain will own). */
function matterItem(history: MatterHistory, index: number): Record<string, unknown> {
  const { matter, events } = history;
  return {
    pk: `BENCH#MATTER#${index}`,
    sk: "MATTER",
    id: `${matter.id}-${index}`,
    unitId: matter.unitId,
    judgmentType: matter.judgmentType,
    mode: matter.mode,
    creditInstitution: matter.creditInstitution,
    events: events.map(({ type, at, from, to, amountVnd }) => ({ type, at, from, to, amountVnd })),
  };
}

async function storeMatters(stack: LocalStack, histories: readonly MatterHistory[], count: number): Promise<void> {
  const items = Array.from({ length: count }, (_, index) => matterItem(histories[index % histories.length]!, index));
  let next = 0;
  const writer = async () => {
    while (next < items.length) {
      const batch = items.slice(next, next + 25);
      next += 25;
      let pending = batch.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const result = await stack.clients.documents.send(new BatchWriteCommand({ RequestItems: { [LOCAL_NAMES.analyticsTable]: pending } }));
        pending = (result.UnprocessedItems?.[LOCAL_NAMES.analyticsTable] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, writer));
}

/** Reads every stored matter back (parallel scan) as the histories the rollup takes. */
async function readMatters(stack: LocalStack): Promise<MatterHistory[]> {
  const segments = await Promise.all(
    Array.from({ length: SCAN_SEGMENTS }, async (_, segment) => {
      const histories: MatterHistory[] = [];
      const pages = paginateScan({ client: stack.clients.documents }, { TableName: LOCAL_NAMES.analyticsTable, Segment: segment, TotalSegments: SCAN_SEGMENTS });
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const id = String(item.id);
          const events = (item.events as Omit<MatterEvent, "matterId" | "seq" | "by" | "reason">[]).map((event, seq) => ({ ...event, matterId: id, seq: seq + 1, by: "bench", reason: "bench" }));
          histories.push({ matter: { id, unitId: String(item.unitId), judgmentType: item.judgmentType, mode: item.mode, creditInstitution: Boolean(item.creditInstitution) } as MatterHistory["matter"], events });
        }
      }
      return histories;
    }),
  );
  return segments.flat();
}

export interface LocalBenchResult {
  stackStartMs: number;
  dynamoDbLocalStartMs: number;
  digitalPerSecond: number;
  digitalRounds: Throughput[];
  scansPerSecond: number;
  scanPagesPerSecond: number;
  matters: number;
  storeMatters: { ms: number; perSecond: number };
  rollupThroughDynamoDb: { readMs: number; rollupMs: number };
  rollupInMemoryMs: number;
}

/** Where the bench is, on stderr: a run takes minutes. */
const progress = (what: string) => process.stderr.write(`bench local: ${what}\n`);

export async function benchLocal(options: { matters?: number } = {}): Promise<LocalBenchResult> {
  const matters = options.matters ?? 100_000;
  progress("start-up");
  const dynamoStarts: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const server = await startDynamoDbLocal({ dataDir: null });
    dynamoStarts.push(performance.now() - started);
    await server.stop();
  }

  const started = performance.now();
  const stack = await LocalStack.start({ dataDir: null });
  const stackStartMs = performance.now() - started;
  try {
    progress("digital PDFs");
    await throughput(stack, await digitalDocuments(10, 0), "pdf"); // warm-up: pdf.js, JIT, first connections
    const digitalRounds: Throughput[] = [];
    for (let round = 0; round < DIGITAL_ROUNDS; round++) {
      const documents = await digitalDocuments(DIGITAL_PER_ROUND, 1000 * (round + 1));
      digitalRounds.push(await throughput(stack, documents, "pdf"));
    }

    progress("scans");
    const scans = await scannedDocuments();
    const scanStarted = performance.now();
    await Promise.all(scans.documents.map(({ bytes, extension }, index) => stack.upload({ courtId: "tand-kim-son", fileName: `scan-${index}.${extension}`, bytes })));
    await stack.settled();
    const scanSeconds = (performance.now() - scanStarted) / 1000;

    progress(`storing ${matters} matters`);
    const histories = pool(Math.min(matters, 100_000));
    const storeStarted = performance.now();
    await storeMatters(stack, histories, matters);
    const storeMs = performance.now() - storeStarted;

    progress("rollup");
    const periods = [parsePeriod("2026-H1"), previousYear(parsePeriod("2026-H1"))];
    const readStarted = performance.now();
    const stored = await readMatters(stack);
    const readMs = performance.now() - readStarted;
    const rollupStarted = performance.now();
    rollup(stored, periods);
    const rollupMs = performance.now() - rollupStarted;
    const inMemoryStarted = performance.now();
    rollup(histories, periods);
    const rollupInMemoryMs = performance.now() - inMemoryStarted;
    if (stored.length !== matters) throw new Error(`read back ${stored.length} matters, stored ${matters}`);

    return {
      stackStartMs,
      dynamoDbLocalStartMs: median(dynamoStarts),
      digitalPerSecond: median(digitalRounds.map((round) => round.perSecond)),
      digitalRounds,
      scansPerSecond: scans.documents.length / scanSeconds,
      scanPagesPerSecond: scans.pages / scanSeconds,
      matters,
      storeMatters: { ms: storeMs, perSecond: matters / (storeMs / 1000) },
      rollupThroughDynamoDb: { readMs, rollupMs },
      rollupInMemoryMs,
    };
  } finally {
    await stack.stop();
  }
}

export function formatLocalBench(result: LocalBenchResult): string {
  const throughDb = result.rollupThroughDynamoDb.readMs + result.rollupThroughDynamoDb.rollupMs;
  return [
    "local stack (embedded DynamoDB Local, S3 server, Tesseract behind a Textract endpoint; same function modules)",
    `  start-up: whole stack ${seconds(result.stackStartMs)} s; DynamoDB Local alone ${seconds(result.dynamoDbLocalStartMs)} s (median of 3)`,
    `  digital PDFs, upload to stored case: ${result.digitalPerSecond.toFixed(1)} documents/s (median of ${result.digitalRounds.length} rounds of ${DIGITAL_PER_ROUND}: ${result.digitalRounds.map((round) => round.perSecond.toFixed(1)).join(", ")}; goal >= ${DIGITAL_GOAL_PER_SECOND}: ${result.digitalPerSecond >= DIGITAL_GOAL_PER_SECOND ? "met" : "NOT met"})`,
    `    CPU per document: Node ${median(result.digitalRounds.map((round) => round.nodeCpuMs)).toFixed(0)} ms (functions, S3 server), DynamoDB Local ${result.digitalRounds[0]?.javaCpuMs === null ? "?" : median(result.digitalRounds.map((round) => round.javaCpuMs ?? 0)).toFixed(0)} ms; ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(1)}`,
    `  scans (one photo + one scanned PDF, OCR by Tesseract): ${result.scansPerSecond.toFixed(2)} documents/s, ${result.scanPagesPerSecond.toFixed(2)} pages/s`,
    `  report rollup over ${result.matters.toLocaleString("en")} matters through DynamoDB Local: ${seconds(throughDb)} s (parallel scan ${seconds(result.rollupThroughDynamoDb.readMs)} s + rollup ${seconds(result.rollupThroughDynamoDb.rollupMs)} s); in memory ${seconds(result.rollupInMemoryMs)} s (x${(throughDb / result.rollupInMemoryMs).toFixed(0)})`,
    `  (storing them: ${seconds(result.storeMatters.ms)} s, ${Math.round(result.storeMatters.perSecond).toLocaleString("en")} items/s with BatchWriteItem)`,
  ].join("\n");
}

export const localBench: BenchSection = {
  name: "local",
  async run() {
    console.log(formatLocalBench(await benchLocal()));
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { matters: { type: "string" } } });
  console.log(formatLocalBench(await benchLocal(values.matters ? { matters: Number(values.matters) } : {})));
}
