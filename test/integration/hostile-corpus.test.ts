/**
 * A hostile corpus uploaded through the embedded stack, one file at a time: empty, truncated,
 * encrypted, JavaScript-laden PDFs, random bytes, a file under the wrong extension, a looping TIFF, an
 * image header claiming billions of pixels, a decompression bomb. Each ends as a case, or as a review
 * case or dead letter with its recorded reason; the original stays as uploaded; each within a time and
 * memory bound. The documents name parties and carry ID numbers, none of which may reach a log line.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseIdFor } from "#domain/stored-case.ts";
import type { OcrEngine } from "#ports/ocr-engine.ts";
import { renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { LocalStack } from "../../local/stack.ts";
import { deadLetterKey } from "../../local/summary.ts";
import { deflatedSpaces, pdfWithFlateContent, pdfWithJavaScript, pngHeader, tiff } from "../support/hostile-files.ts";
import { recordReliability } from "../support/reliability.ts";

/** Personal data planted in the documents: a party's name, a 12-digit citizen ID, a 9-digit old ID, a 10-digit social insurance number. */
const PARTY = "Lê Thị Thu Hương";
const PARTY_ASCII = "Le Thi Thu Huong";
const IDS = ["036185004321", "162345987", "3712345678"];
const MAX_SECONDS_PER_FILE = 30;
const MAX_MEMORY_MB_PER_FILE = 400;

const judgment = (asciiOnly: boolean) =>
  [
    "TOA AN NHAN DAN HUYEN BINH LUC",
    "Ban an so: 41/2024/DS-ST",
    `Nguyen don: ${asciiOnly ? PARTY_ASCII : PARTY}, can cuoc cong dan so ${IDS[0]}, CMND so ${IDS[1]}`,
    `Ma so bao hiem xa hoi: ${IDS[2]}`,
    "Buoc bi don tra cho nguyen don so tien 120.000.000 dong.",
  ].join("\n");

/** OCR must not be reached by any of these; a call is counted, and answers with no text. */
const ocr: OcrEngine & { calls: number } = {
  name: "counting",
  calls: 0,
  async recognize() {
    ocr.calls += 1;
    return [];
  },
};

let stack: LocalStack;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "thads-hostile-"));
  stack = await LocalStack.start({ dataDir, queue: { retryDelayMs: 50, maxReceiveCount: 2 }, testHooks: { ocr } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

interface Hostile {
  inputClass: string;
  fileName: string;
  bytes: () => Promise<Uint8Array>;
  /** The reason codes (or dead-letter reason) it must end with; null: a case may be made of it. */
  expected: RegExp | null;
}

const hostile: Hostile[] = [
  { inputClass: "0-byte file", fileName: "rong.pdf", bytes: async () => new Uint8Array(0), expected: /document\.(empty|corrupt|unsupported-type)/ },
  {
    inputClass: "truncated PDF (first half of a judgment)",
    fileName: "cut.pdf",
    bytes: async () => {
      const whole = await renderTextPdf([judgment(false)]);
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    expected: /document\.(truncated|corrupt)/,
  },
  { inputClass: "encrypted PDF (user password)", fileName: "mat-khau.pdf", bytes: () => renderTextPdf([judgment(false)], { userPassword: "secret" }), expected: /document\.encrypted/ },
  { inputClass: "PDF with JavaScript (/OpenAction)", fileName: "js.pdf", bytes: async () => pdfWithJavaScript(judgment(true).split("\n")), expected: null },
  { inputClass: "random bytes named .pdf", fileName: "ngau-nhien.pdf", bytes: async () => randomBytes(64 * 1024), expected: /document\.(corrupt|unsupported-type)/ },
  { inputClass: "wrong extension (a PDF named .png)", fileName: "ban-an.png", bytes: () => renderTextPdf([judgment(false)]), expected: null },
  { inputClass: "looping TIFF directories", fileName: "vong.tif", bytes: async () => tiff([[100, 100], [100, 100]], true), expected: /document\.corrupt/ },
  { inputClass: "PNG header claiming 30000 x 30000 pixels", fileName: "lon.png", bytes: async () => pngHeader(30_000, 30_000), expected: /document\.too-large/ },
  { inputClass: "decompression bomb (PDF stream inflating to 300 MB)", fileName: "bom.pdf", bytes: async () => pdfWithFlateContent(await deflatedSpaces(300 * 1024 * 1024)), expected: /document\.too-large/ },
];

/** How an upload ended: its case (status and reason codes) or its dead letter's reason. */
async function outcomeOf(key: string, bytes: Uint8Array) {
  const letter = stack.deadLetters().find((entry) => deadLetterKey(entry) === key);
  if (letter) return { fate: "dead letter", reasons: letter.lastError ?? "" };
  const stored = await stack.cases.get(caseIdFor(createHash("sha256").update(bytes).digest("hex")));
  if (!stored || stored.source.key !== key) return { fate: "lost", reasons: "" };
  return { fate: stored.status === "needs_review" ? "review case" : "case", reasons: (stored.reviewCodes ?? []).join(", ") };
}

describe("a hostile corpus through the embedded stack", () => {
  it.for(hostile)("$inputClass ends with a recorded outcome, the original kept, within bounds", { timeout: 120_000 }, async ({ inputClass, fileName, bytes: build, expected }, context) => {
    const bytes = await build();
    global.gc?.();
    const memoryBefore = process.memoryUsage().rss;
    let peak = memoryBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const key = await stack.upload({ courtId: "tand-binh-luc", fileName, bytes });
    await stack.settled(MAX_SECONDS_PER_FILE * 1000);
    const milliseconds = performance.now() - started;
    clearInterval(sampler);
    const memoryMb = (peak - memoryBefore) / (1024 * 1024);

    const outcome = await outcomeOf(key, bytes);
    expect(outcome.fate).not.toBe("lost");
    if (expected) {
      expect(outcome.fate).not.toBe("case");
      expect(outcome.reasons).toMatch(expected);
    }
    const original = await stack.clients.s3.send(new GetObjectCommand({ Bucket: LOCAL_NAMES.uploadsBucket, Key: key }));
    expect(Buffer.from(await original.Body!.transformToByteArray()).equals(Buffer.from(bytes))).toBe(true);
    expect(milliseconds).toBeLessThan(MAX_SECONDS_PER_FILE * 1000);
    expect(memoryMb).toBeLessThan(MAX_MEMORY_MB_PER_FILE);
    recordReliability(context, {
      kind: "input",
      inputClass,
      outcome: `${outcome.fate}${outcome.reasons ? `: ${outcome.reasons}` : ""}`,
      bytes: bytes.length,
      milliseconds: Math.round(milliseconds),
      memoryMb: Math.round(memoryMb),
    });
  });

  it("sent none of them to OCR", () => {
    expect(ocr.calls).toBe(0);
  });

  it("wrote no party name or ID number into any log line", async () => {
    const log = await readFile(join(dataDir, "logs", "functions.log"), "utf8");
    expect(log.split("\n").length).toBeGreaterThan(hostile.length);
    for (const secret of [PARTY, PARTY_ASCII, ...IDS]) expect(log).not.toContain(secret);
    expect(log.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()).not.toContain(PARTY_ASCII.toLowerCase());
  });
});
