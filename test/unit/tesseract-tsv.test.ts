import { describe, expect, it } from "vitest";
import { parseTesseractTsv } from "#adapters/local/tesseract-ocr.ts";

const HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const row = (level: number, line: number, word: number, left: number, top: number, width: number, height: number, conf: number, text: string) =>
  [level, 1, 1, 1, line, word, left, top, width, height, conf, text].join("\t");

describe("reading Tesseract's TSV output", () => {
  const tsv = [
    HEADER,
    row(1, 0, 0, 0, 0, 2000, 1000, -1, ""),
    row(4, 1, 0, 100, 100, 1700, 40, -1, ""),
    // One Tesseract line spanning both header columns: cut at the wide gap.
    row(5, 1, 1, 100, 100, 120, 40, 96, "TÒA"),
    row(5, 1, 2, 240, 100, 60, 40, 94, "ÁN"),
    row(5, 1, 3, 1000, 100, 300, 40, 90, "CỘNG"),
    row(5, 1, 4, 1320, 100, 200, 40, 80, "HÒA"),
    row(4, 2, 0, 100, 150, 400, 40, -1, ""),
    row(5, 2, 1, 100, 150, 150, 40, 92, "TỈNH".normalize("NFD")),
    row(5, 2, 2, 270, 150, 60, 40, 88, "HÀ"),
    row(5, 2, 3, 350, 150, 80, 40, 90, "NAM"),
    row(5, 2, 4, 450, 150, 10, 40, 95, " "),
    row(4, 3, 0, 1000, 150, 500, 40, -1, ""),
    row(5, 3, 1, 1000, 150, 500, 40, 70, "Độc lập"),
  ].join("\n");

  it("joins words into lines, splits a line at a column gap and reads the left column first", () => {
    expect(parseTesseractTsv(tsv).map((l) => l.text)).toEqual(["TÒA ÁN", "TỈNH HÀ NAM", "CỘNG HÒA", "Độc lập"]);
  });

  it("gives page-relative boxes, mean word confidence on 0..1 and composed (NFC) text", () => {
    const [first, second] = parseTesseractTsv(tsv);
    expect(first).toEqual({ text: "TÒA ÁN", confidence: 0.95, box: { left: 0.05, top: 0.1, width: 0.1, height: 0.04 } });
    expect(second!.text).toBe("TỈNH HÀ NAM".normalize("NFC"));
  });

  it("finds no lines on an empty page", () => {
    expect(parseTesseractTsv([HEADER, row(1, 0, 0, 0, 0, 2000, 1000, -1, ""), row(5, 1, 1, 0, 0, 2000, 1000, 95, " ")].join("\n"))).toEqual([]);
  });
});
