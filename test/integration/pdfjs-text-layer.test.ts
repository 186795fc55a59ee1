import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pdfjsTextLayer } from "#adapters/pdf/pdfjs-text-layer.ts";
import { readDocument } from "#use-cases/read-document.ts";
import { renderScannedPdf, renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { samplesDir } from "../support/paths.ts";
import { unreadableReason } from "../support/unreadable-reason.ts";

const HEADING = [
  "TÒA ÁN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "HUYỆN KIM SƠN                                   Độc lập - Tự do - Hạnh phúc",
  "Số: 112/2024/QĐST-HNGĐ",
].join("\n");
const OPERATIVE = "QUYẾT ĐỊNH:\nAnh Bùi Văn Tuấn có nghĩa vụ cấp dưỡng nuôi con chung mỗi tháng 3.000.000 đồng (Ba triệu đồng).";

const withoutSpaces = (text: string) => text.replace(/\s+/g, "");

const reasonFor = (bytes: Uint8Array) => unreadableReason(pdfjsTextLayer.readPages(bytes));

describe("reading a digital PDF's text layer with pdf.js", () => {
  it("returns each page's Vietnamese lines in reading order, heading columns side by side", async () => {
    const pages = await pdfjsTextLayer.readPages(await renderTextPdf([HEADING, OPERATIVE]));
    expect(pages.map((p) => [p.pageNumber, p.source])).toEqual([
      [1, "text-layer"],
      [2, "text-layer"],
    ]);
    const [first, second] = pages.map((p) => p.lines.map((l) => l.text));
    expect(first?.[0]).toMatch(/^TÒA ÁN NHÂN DÂN {2,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect(first?.[1]).toMatch(/^HUYỆN KIM SƠN {2,}Độc lập - Tự do - Hạnh phúc$/);
    expect(first?.[2]).toBe("Số: 112/2024/QĐST-HNGĐ");
    expect(second?.join(" ")).toBe(OPERATIVE.replace("\n", " "));
    expect(second?.every((line) => line === line.normalize("NFC"))).toBe(true);
  });

  it("reads the bundled sample PDF back as the text it was rendered from", async () => {
    const bytes = readFileSync(join(samplesDir, "pdf", "ban-an-vay-tai-san.pdf"));
    const read = await readDocument({ name: "ban-an-vay-tai-san.pdf", mediaType: "application/pdf", bytes }, { pdf: pdfjsTextLayer });
    expect(read.pages.length).toBeGreaterThan(1);
    expect(read.unreadPages).toEqual([]);
    expect(withoutSpaces(read.text)).toBe(withoutSpaces(readFileSync(join(samplesDir, "ban-an-vay-tai-san.txt"), "utf8")));
  });

  it("gives a scanned page no lines, so that it goes to OCR", async () => {
    const pages = await pdfjsTextLayer.readPages(await renderScannedPdf(2));
    expect(pages.map((p) => p.lines.length)).toEqual([0, 0]);
  });

  it("refuses a password-protected PDF as encrypted", async () => {
    expect(await reasonFor(await renderTextPdf([OPERATIVE], { userPassword: "bi-mat" }))).toBe("encrypted");
  });

  it("refuses a PDF cut short in transfer as truncated", async () => {
    const whole = await renderTextPdf([HEADING, OPERATIVE]);
    expect(await reasonFor(whole.subarray(0, Math.floor(whole.length * 0.6)))).toBe("truncated");
  });

  it("refuses a PDF whose body is junk as corrupt", async () => {
    const junk = new Uint8Array(Buffer.from(`%PDF-1.7\n${"x".repeat(500)}\n%%EOF\n`));
    expect(await reasonFor(junk)).toBe("corrupt");
  });
});
