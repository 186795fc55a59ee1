import { describe, expect, it, vi } from "vitest";
import type { PageText, SourceDocument } from "#ports/ocr-engine.ts";
import { AsyncOcrRequired, CollectedOcr, DeferringOcr } from "#use-cases/intake-steps.ts";

const page = (pageNumber: number): PageText => ({ pageNumber, source: "ocr", lines: [{ text: `trang ${pageNumber}`, confidence: 0.9, box: null }] });
const document = (mediaType: SourceDocument["mediaType"], bytes: Uint8Array | string = new Uint8Array([1])): SourceDocument => ({
  name: "tand-phu-ly/upload",
  mediaType,
  bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
});

const pdf = (pages: number) => `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count ${pages} >> endobj\n%%EOF`;
/** A little-endian TIFF whose first image directory (no entries) points to `next`. */
const tiff = (next: number) => new Uint8Array([0x49, 0x49, 42, 0, 8, 0, 0, 0, 0, 0, next, 0, 0, 0]);

describe("choosing synchronous or asynchronous OCR", () => {
  const engine = { name: "textract", recognize: vi.fn(async () => [page(1)]) };
  const deferring = new DeferringOcr(engine);

  it("recognises a photo or a one-page scan at once", async () => {
    expect(await deferring.recognize(document("image/jpeg"))).toEqual([page(1)]);
    expect(await deferring.recognize(document("image/tiff", tiff(0)))).toEqual([page(1)]);
    expect(await deferring.recognize(document("application/pdf", pdf(1)), { pages: [1] })).toEqual([page(1)]);
  });

  it("defers multi-page documents to an asynchronous job", async () => {
    await expect(deferring.recognize(document("application/pdf", pdf(12)), { pages: [1] })).rejects.toThrow(AsyncOcrRequired);
    await expect(deferring.recognize(document("application/pdf", pdf(12)), { pages: [3] })).rejects.toThrow(AsyncOcrRequired);
    await expect(deferring.recognize(document("image/tiff", tiff(200)))).rejects.toThrow(AsyncOcrRequired);
  });

  it("defers a PDF whose page count cannot be read without decompressing it", async () => {
    await expect(deferring.recognize(document("application/pdf", "%PDF-1.7 <compressed object streams>"))).rejects.toThrow(AsyncOcrRequired);
  });

  it("tells the job which pages to recognise: those the reader asked for, else every page of the image file", async () => {
    const pagesOf = (promise: Promise<unknown>) => promise.then(() => "recognised", (error: AsyncOcrRequired) => error.pages);

    expect(await pagesOf(deferring.recognize(document("application/pdf", pdf(12)), { pages: [3, 4, 9] }))).toEqual([3, 4, 9]);
    // A two-image TIFF: the first directory at 8 points to a second at 14, which ends the chain.
    const twoPages = new Uint8Array([...tiff(14), 0, 0, 0, 0, 0, 0]);
    expect(await pagesOf(deferring.recognize(document("image/tiff", twoPages)))).toEqual([1, 2]);
    // A chain that loops gives no page count.
    expect(await pagesOf(deferring.recognize(document("image/tiff", tiff(8))))).toBeUndefined();
  });

  it("defers even a photo when the engine cannot recognise where intake runs (Tesseract on AWS)", async () => {
    const pagesOnly = new DeferringOcr(engine, false);

    await expect(pagesOnly.recognize(document("image/jpeg"))).rejects.toThrow(AsyncOcrRequired);
    await expect(pagesOnly.recognize(document("image/jpeg")).catch((error: AsyncOcrRequired) => error.pages)).resolves.toEqual([1]);
  });

  it("serves a finished job's pages to the reader, only those it asks for", async () => {
    const collected = new CollectedOcr([page(1), page(2), page(3)]);

    expect((await collected.recognize(document("application/pdf"), { pages: [2, 3] })).map((result) => result.pageNumber)).toEqual([2, 3]);
    expect(await collected.recognize(document("application/pdf"))).toHaveLength(3);
  });
});
