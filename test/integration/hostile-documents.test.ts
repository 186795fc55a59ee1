/**
 * Documents built to exhaust memory or time: small files that claim huge images, PDFs whose streams
 * inflate a thousandfold, PDFs of thousands of pages. Each is refused with a recorded reason before
 * it is decoded, rasterised or sent to OCR.
 */
import { createDeflate } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DocumentTooLargeError, UnreadableDocumentError } from "#domain/document/unreadable-document-error.ts";
import type { OcrEngine } from "#ports/ocr-engine.ts";
import { pdfjsTextLayer } from "#adapters/pdf/pdfjs-text-layer.ts";
import { readDocument } from "#use-cases/read-document.ts";
import { renderScannedPdf } from "../../scripts/pdf/render-text-pdf.ts";

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

/** A PNG signature and IHDR chunk claiming width x height, and nothing after: what a decoder sizes its buffer from. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  const view = new DataView(bytes.buffer);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 2, 0, 0, 0], 24);
  return bytes;
}

/** A baseline JPEG start: SOI, then a SOF0 segment claiming width x height. */
function jpegHeader(width: number, height: number): Uint8Array {
  const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
  return bytes;
}

/** A little-endian TIFF whose image directories are given as [width, height]; `loop` points the last one back at the first. */
function tiff(pages: Array<[number, number]>, loop = false): Uint8Array {
  const entrySize = 2 + 2 * 12 + 4;
  const bytes = new Uint8Array(8 + pages.length * entrySize);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49], 0);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  pages.forEach(([width, height], index) => {
    const at = 8 + index * entrySize;
    view.setUint16(at, 2, true);
    const entry = (slot: number, tag: number, value: number) => {
      const offset = at + 2 + slot * 12;
      view.setUint16(offset, tag, true);
      view.setUint16(offset + 2, 4, true); // LONG
      view.setUint32(offset + 4, 1, true);
      view.setUint32(offset + 8, value, true);
    };
    entry(0, 256, width);
    entry(1, 257, height);
    const next = index + 1 < pages.length ? at + entrySize : loop ? 8 : 0;
    view.setUint32(at + 2 + 2 * 12, next, true);
  });
  return bytes;
}

/** `decodedBytes` of spaces, deflated in chunks (never held whole in memory). */
async function deflatedSpaces(decodedBytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  for (let written = 0; written < decodedBytes; written += chunk.length) {
    if (!deflate.write(chunk.subarray(0, Math.min(chunk.length, decodedBytes - written)))) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  await new Promise((resolve) => deflate.end(resolve));
  return Buffer.concat(out);
}

/** A one-page PDF whose content stream is `stream` (FlateDecode), with a correct cross-reference table. */
function pdfWithFlateContent(stream: Buffer): Uint8Array {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (part: string | Buffer) => {
    const buffer = typeof part === "string" ? Buffer.from(part, "latin1") : part;
    parts.push(buffer);
    length += buffer.length;
  };
  const object = (number: number, body: string | Buffer[]) => {
    offsets[number] = length;
    if (typeof body === "string") add(`${number} 0 obj\n${body}\nendobj\n`);
    else {
      add(`${number} 0 obj\n`);
      body.forEach(add);
      add("\nendobj\n");
    }
  };
  add("%PDF-1.7\n");
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
  object(4, [Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, "latin1"), stream, Buffer.from("\nendstream", "latin1")]);
  const xref = length;
  add(`xref\n0 5\n0000000000 65535 f \n${offsets.slice(1).map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`);
  add(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
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
