import { describe, expect, it, vi } from "vitest";
import type { PageText, SourceDocument } from "#ports/ocr-engine.ts";
import { AsyncOcrRequired, CollectedOcr, DeferringOcr } from "#use-cases/intake-steps.ts";

const page = (pageNumber: number): PageText => ({ pageNumber, source: "ocr", lines: [{ text: `trang ${pageNumber}`, confidence: 0.9, box: null }] });
const document = (mediaType: SourceDocument["mediaType"]): SourceDocument => ({ name: "tand-phu-ly/upload", mediaType, bytes: new Uint8Array([1]) });

describe("choosing synchronous or asynchronous OCR", () => {
  const engine = { name: "textract", recognize: vi.fn(async () => [page(1)]) };

  it("recognises an image at once", async () => {
    expect(await new DeferringOcr(engine).recognize(document("image/tiff"))).toEqual([page(1)]);
  });

  it("recognises a single PDF page at once", async () => {
    await new DeferringOcr(engine).recognize(document("application/pdf"), { pages: [3] });
    expect(engine.recognize).toHaveBeenLastCalledWith(document("application/pdf"), { pages: [3] });
  });

  it("defers several PDF pages, or a whole PDF, to an asynchronous job", async () => {
    await expect(new DeferringOcr(engine).recognize(document("application/pdf"), { pages: [1, 2] })).rejects.toThrow(AsyncOcrRequired);
    await expect(new DeferringOcr(engine).recognize(document("application/pdf"))).rejects.toThrow(AsyncOcrRequired);
  });

  it("serves a finished job's pages to the reader, only those it asks for", async () => {
    const collected = new CollectedOcr([page(1), page(2), page(3)]);

    expect((await collected.recognize(document("application/pdf"), { pages: [2, 3] })).map((result) => result.pageNumber)).toEqual([2, 3]);
    expect(await collected.recognize(document("application/pdf"))).toHaveLength(3);
  });
});
