/**
 * Scans through the embedded stack: the intake function's Textract adapter talks to the local
 * Textract-compatible endpoint (Tesseract underneath) with the real SDK client. A one-page image is
 * read at once; a scanned PDF of several pages becomes an OCR job whose completion notice, wrapped in
 * SNS and SQS, drives the completion function.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLEAN_LOOK, rasterisePdf, renderTextPdf, scanPages, scannerLook } from "../../scripts/make-scans.ts";
import { LocalStack } from "../../local/stack.ts";
import { samplesDir } from "../support/paths.ts";

let stack: LocalStack;
let decision: string;

beforeAll(async () => {
  stack = await LocalStack.start({ dataDir: null });
  decision = await readFile(join(samplesDir, "quyet-dinh-cong-nhan-thoa-thuan-ly-hon.txt"), "utf8");
});

afterAll(async () => {
  await stack?.stop();
});

async function scanned(text: string, format: "jpg" | "pdf"): Promise<{ bytes: Buffer; pages: number }> {
  const pages = await rasterisePdf(await renderTextPdf(text), CLEAN_LOOK.dpi);
  return { bytes: await scanPages(pages, format, scannerLook("local-ocr"), "local-ocr"), pages: pages.length };
}

describe("local stack OCR", () => {
  it("reads a one-page photographed decision at once and stores its case", { timeout: 180_000 }, async () => {
    const firstPage = decision.split("\n").slice(0, 24).join("\n");
    const { bytes } = await scanned(firstPage, "jpg");
    const key = await stack.upload({ courtId: "tand-kim-son", fileName: "quyết định 112 (ảnh chụp).jpg", bytes });
    await stack.settled(170_000);

    const found = await stack.cases.search({ courtId: "tand-kim-son" }, { limit: 10 });
    const stored = await stack.cases.get(found.items[0]!.caseId);
    // OCR may misread a letter of the number's suffix; the court and the number itself come through.
    expect(stored).toMatchObject({ caseNumber: expect.stringMatching(/^112\/2024\//), court: expect.stringMatching(/Kim Sơn/), textSource: "ocr", pageCount: 1, source: { key } });
    expect(stack.deadLetters()).toEqual([]);
  });

  it("reads a scanned PDF of several pages through an OCR job and its completion notice", { timeout: 300_000 }, async () => {
    const { bytes, pages } = await scanned(decision, "pdf");
    expect(pages).toBeGreaterThan(1);
    const key = await stack.upload({ courtId: "tand-tinh-ninh-binh", fileName: "quyết định 112 (bản scan).pdf", bytes });
    await stack.settled(290_000);

    const found = await stack.cases.search({ courtId: "tand-tinh-ninh-binh" }, { limit: 10 });
    const stored = await stack.cases.get(found.items[0]!.caseId);
    expect(stored).toMatchObject({ textSource: "ocr", pageCount: pages, source: { key } });
    expect(stored?.parties.map((party) => party.name).join("; ")).toMatch(/Ph[ạa]m/);
    expect(stack.deadLetters()).toEqual([]);
  });
});
