/**
 * Documents built to exhaust memory or time: small files that claim huge images, PDFs whose streams
 * inflate a thousandfold, PDFs of thousands of pages. Each is refused with a recorded reason before
 * it is decoded, rasterised or sent to OCR.
 */
import { describe, expect, it } from "vitest";
import { DocumentTooLargeError, UnreadableDocumentError } from "#domain/document/unreadable-document-error.ts";
import type { OcrEngine } from "#ports/ocr-engine.ts";
import { pdfjsTextLayer } from "#adapters/pdf/pdfjs-text-layer.ts";
import { readDocument } from "#use-cases/read-document.ts";
import { renderScannedPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { deflatedSpaces, jpegHeader, pdfWithFlateContent, pngHeader, tiff } from "../support/hostile-files.ts";

/** An OCR engine that must never be reached. */
function untouchedOcr(): OcrEngine & { calls: number } {
  const engine = {
    name: "untouched",
    calls: 0,
    recognize: async () => {
      engine.calls++;
      return [];
    },
  };
  return engine;
}

async function refusal(work: Promise<unknown>): Promise<UnreadableDocumentError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UnreadableDocumentError)) throw new Error(`expected an UnreadableDocumentError, got ${String(error)}`);
  return error;
}

describe("hostile documents are refused before decoding", () => {
  it.each([
    ["a PNG header claiming 30000 x 30000 pixels", "bomb.png", "image/png" as const, pngHeader(30_000, 30_000)],
    ["a JPEG header claiming 60000 x 60000 pixels", "bomb.jpg", "image/jpeg" as const, jpegHeader(60_000, 60_000)],
    ["a TIFF whose second page claims 40000 x 40000 pixels", "bomb.tif", "image/tiff" as const, tiff([[2480, 3508], [40_000, 40_000]])],
  ])("refuses %s as too large, without OCR", async (_, name, mediaType, bytes) => {
    const ocr = untouchedOcr();

    const error = await refusal(readDocument({ name, mediaType, bytes }, { ocr, pdf: pdfjsTextLayer }));

    expect(error).toBeInstanceOf(DocumentTooLargeError);
    expect(error.reason).toBe("too-large");
    expect(error.message).toMatch(/pixels/);
    expect(ocr.calls).toBe(0);
  });

  it("refuses a TIFF whose image directories loop as corrupt, without OCR", async () => {
    const ocr = untouchedOcr();

    const error = await refusal(readDocument({ name: "loop.tif", mediaType: "image/tiff", bytes: tiff([[100, 100], [100, 100]], true) }, { ocr, pdf: pdfjsTextLayer }));

    expect(error.reason).toBe("corrupt");
    expect(ocr.calls).toBe(0);
  });

  it("reads an ordinary scan-sized PNG header through to OCR", async () => {
    const ocr = untouchedOcr();

    await refusal(readDocument({ name: "a4.png", mediaType: "image/png", bytes: pngHeader(2480, 3508) }, { ocr, pdf: pdfjsTextLayer }));

    expect(ocr.calls).toBe(1);
  });

  it("refuses a PDF of under 1 MB whose content stream inflates to 512 MB, within bounded memory", async () => {
    const bomb = pdfWithFlateContent(await deflatedSpaces(512 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;

    const error = await refusal(readDocument({ name: "bomb.pdf", mediaType: "application/pdf", bytes: bomb }, { ocr: untouchedOcr(), pdf: pdfjsTextLayer }));

    expect(error.reason).toBe("too-large");
    expect(error.message).toMatch(/inflate|decoded/);
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
  }, 60_000);

  it("refuses a 5,000-page scanned PDF as too large before any OCR starts", async () => {
    const pdf = await renderScannedPdf(5_000);
    const ocr = untouchedOcr();

    const error = await refusal(readDocument({ name: "5000.pdf", mediaType: "application/pdf", bytes: pdf }, { ocr, pdf: pdfjsTextLayer }));

    expect(error.reason).toBe("too-large");
    expect(error.message).toMatch(/5000 pages|5,000 pages/);
    expect(ocr.calls).toBe(0);
  }, 60_000);
});
