import { describe, expect, it } from "vitest";
import type { OcrEngine, PageText, RecognizeOptions, SourceDocument } from "#ports/ocr-engine.ts";
import type { PdfTextLayer } from "#ports/pdf-text-layer.ts";
import { readDocument } from "#use-cases/read-document.ts";
import { unreadableReason as failureReason } from "../support/unreadable-reason.ts";

const OPERATIVE_PAGE = [
  "QUYẾT ĐỊNH:",
  "Buộc anh Đinh Văn Khải và chị Lã Thị Thu phải liên đới trả cho bà Trần Thị Hồng Nhung",
  "số tiền 240.000.000 đồng (Hai trăm bốn mươi triệu đồng).",
];
const HEADING_PAGE = ["TÒA ÁN NHÂN DÂN HUYỆN BÌNH LỤC", "Bản án số: 27/2024/DS-ST", "V/v: Tranh chấp hợp đồng vay tài sản"];

const page = (pageNumber: number, lines: string[], source: PageText["source"] = "text-layer"): PageText => ({
  pageNumber,
  source,
  lines: lines.map((text) => ({ text, confidence: source === "ocr" ? 0.9 : 1, box: null })),
});

/** A PDF reader that returns prepared text layers, so page decisions can be tested without PDFs. */
const textLayers = (...pages: string[][]): PdfTextLayer => ({
  readPages: async () => pages.map((lines, i) => page(i + 1, lines)),
});

/** For documents that are not PDFs: a PDF reader that must not be asked. */
const noPdf: PdfTextLayer = {
  readPages: async () => {
    throw new Error("not a PDF: the PDF reader must not be called");
  },
};

/** An OCR engine that "recognises" prepared text and records what it was asked to read. */
function fakeOcr(recognised: Record<number, string[]>): OcrEngine & { calls: Array<{ doc: SourceDocument; options?: RecognizeOptions }> } {
  const calls: Array<{ doc: SourceDocument; options?: RecognizeOptions }> = [];
  return {
    name: "in-memory",
    calls,
    async recognize(doc, options) {
      calls.push({ doc, options });
      const wanted = options?.pages ?? Object.keys(recognised).map(Number);
      return wanted.flatMap((n) => (recognised[n] ? [page(n, recognised[n], "ocr")] : []));
    },
  };
}

const pdfBytes = new Uint8Array(Buffer.from("%PDF-1.7\n% test document\n%%EOF\n"));
const pdf: SourceDocument = { name: "ban-an.pdf", mediaType: "application/pdf", bytes: pdfBytes };
const textFile = (text: string): SourceDocument => ({ name: "ban-an.txt", mediaType: "text/plain", bytes: new Uint8Array(Buffer.from(text)) });
const png: SourceDocument = {
  name: "scan.png",
  // declared wrongly on purpose: the bytes decide
  mediaType: "image/jpeg",
  bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
};

describe("reading a document into pages of text", () => {
  it("reads a plain-text file as one page, NFC-normalised", async () => {
    const read = await readDocument(textFile(OPERATIVE_PAGE.join("\n").normalize("NFD")), { pdf: noPdf });
    expect(read.mediaType).toBe("text/plain");
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0]?.source).toBe("plain-text");
    expect(read.text).toBe(OPERATIVE_PAGE.join("\n"));
  });

  it("keeps every page of a digital PDF from its text layer and never calls OCR", async () => {
    const ocr = fakeOcr({});
    const read = await readDocument(pdf, { pdf: textLayers(HEADING_PAGE, OPERATIVE_PAGE), ocr });
    expect(ocr.calls).toEqual([]);
    expect(read.pages.map((p) => p.source)).toEqual(["text-layer", "text-layer"]);
    expect(read.text).toBe(`${HEADING_PAGE.join("\n")}\n\f\n${OPERATIVE_PAGE.join("\n")}`);
    expect(read.unreadPages).toEqual([]);
  });

  it("sends only the pages without a usable text layer to OCR and puts them back in order", async () => {
    const ocr = fakeOcr({ 2: ["NỘI DUNG VỤ ÁN:", "Ngày 15/7/2021, vợ chồng anh Khải và chị Thu vay của bà Nhung 180.000.000 đồng."] });
    const read = await readDocument(pdf, { pdf: textLayers(HEADING_PAGE, [], OPERATIVE_PAGE), ocr });
    expect(ocr.calls.map((c) => c.options)).toEqual([{ pages: [2] }]);
    expect(ocr.calls[0]?.doc.mediaType).toBe("application/pdf");
    expect(read.pages.map((p) => p.source)).toEqual(["text-layer", "ocr", "text-layer"]);
    expect(read.text.split("\n\f\n")[1]).toMatch(/^NỘI DUNG VỤ ÁN:/);
  });

  it("treats a garbled text layer (legacy font encoding) like a missing one", async () => {
    const ocr = fakeOcr({ 1: HEADING_PAGE });
    const tcvn3 = ["Tßa ¸n nh©n d©n huyÖn B×nh Lôc, tØnh Hµ Nam", "B¶n ¸n sè: 27/2024/DS-ST"];
    const read = await readDocument(pdf, { pdf: textLayers(tcvn3, OPERATIVE_PAGE), ocr });
    expect(ocr.calls.map((c) => c.options)).toEqual([{ pages: [1] }]);
    expect(read.text.startsWith(HEADING_PAGE.join("\n"))).toBe(true);
  });

  it("normalises decomposed OCR output to NFC", async () => {
    const ocr = fakeOcr({ 1: OPERATIVE_PAGE.map((l) => l.normalize("NFD")) });
    const read = await readDocument(pdf, { pdf: textLayers([]), ocr });
    expect(read.text).toBe(OPERATIVE_PAGE.join("\n"));
  });

  it("without OCR keeps a PDF whose other pages are readable and names the pages nobody read", async () => {
    const read = await readDocument(pdf, { pdf: textLayers(HEADING_PAGE, ["Trang 2"], OPERATIVE_PAGE) });
    expect(read.unreadPages).toEqual([2]);
    expect(read.text).toContain("Trang 2");
  });

  it("without OCR refuses a PDF that is all scan", async () => {
    expect(await failureReason(readDocument(pdf, { pdf: textLayers([], []) }))).toBe("needs-ocr");
  });

  it("sends an image whole to OCR, as the type its bytes show", async () => {
    const ocr = fakeOcr({ 1: OPERATIVE_PAGE });
    const read = await readDocument(png, { ocr, pdf: noPdf });
    expect(ocr.calls).toHaveLength(1);
    expect(ocr.calls[0]?.options).toBeUndefined();
    expect(ocr.calls[0]?.doc.mediaType).toBe("image/png");
    expect(read.mediaType).toBe("image/png");
    expect(read.pages[0]?.source).toBe("ocr");
  });

  it("without OCR refuses an image", async () => {
    expect(await failureReason(readDocument(png, { pdf: noPdf }))).toBe("needs-ocr");
  });

  it("refuses a document in which recognition found no letters at all", async () => {
    expect(await failureReason(readDocument(png, { ocr: fakeOcr({ 1: ["| |", "--- 12 ---"] }), pdf: noPdf }))).toBe("no-text");
  });

  it("refuses empty and unknown input before reading anything", async () => {
    expect(await failureReason(readDocument({ ...pdf, bytes: new Uint8Array() }, { pdf: noPdf }))).toBe("empty");
    const zip = { name: "ban-an.docx", mediaType: "application/pdf" as const, bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]) };
    expect(await failureReason(readDocument(zip, { pdf: noPdf }))).toBe("unsupported-type");
  });
});
