import { describe, expect, it } from "vitest";
import { inReadingOrder } from "#adapters/reading-order.ts";
import type { TextLine } from "#ports/ocr-engine.ts";

const at = (text: string, left: number, top: number, width: number, height = 0.015): TextLine => ({
  text,
  confidence: 0.9,
  box: { left, top, width, height },
});
const texts = (lines: TextLine[]) => inReadingOrder(lines).map((l) => l.text);

describe("reading order of OCR lines", () => {
  it("reads a single column top to bottom whatever order the engine listed it in", () => {
    expect(texts([at("c", 0.1, 0.3, 0.8), at("a", 0.1, 0.1, 0.8), at("b", 0.1, 0.2, 0.8)])).toEqual(["a", "b", "c"]);
  });

  it("reads the left header column (court, number) before the right one (national motto, date), then the body", () => {
    const lines = [
      at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0.45, 0.05, 0.45),
      at("Độc lập - Tự do - Hạnh phúc", 0.52, 0.07, 0.3),
      at("Hà Nam, ngày 14 tháng 11 năm 2018", 0.5, 0.09, 0.35),
      at("TÒA ÁN NHÂN DÂN", 0.1, 0.05, 0.2),
      at("TỈNH HÀ NAM", 0.12, 0.07, 0.15),
      at("Số: 12/2017/DS-ST", 0.1, 0.09, 0.2),
      at("NHÂN DANH", 0.42, 0.13, 0.16),
      at("NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0.25, 0.15, 0.5),
    ];
    expect(texts(lines)).toEqual([
      "TÒA ÁN NHÂN DÂN",
      "TỈNH HÀ NAM",
      "Số: 12/2017/DS-ST",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Hà Nam, ngày 14 tháng 11 năm 2018",
      "NHÂN DANH",
      "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]);
  });

  it("keeps a court's third line in the left column when it follows without a gap, but not a paragraph that comes later", () => {
    const lines = [
      at("TÒA ÁN NHÂN DÂN", 0.1, 0.05, 0.2),
      at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0.45, 0.05, 0.45),
      at("THÀNH PHỐ PHỦ LÝ", 0.1, 0.07, 0.2),
      at("Độc lập - Tự do - Hạnh phúc", 0.52, 0.07, 0.3),
      at("TỈNH HÀ NAM", 0.1, 0.09, 0.15),
      at("Bản án số: 08/2018/KDTM-ST", 0.1, 0.13, 0.3),
    ];
    expect(texts(lines)).toEqual([
      "TÒA ÁN NHÂN DÂN",
      "THÀNH PHỐ PHỦ LÝ",
      "TỈNH HÀ NAM",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Bản án số: 08/2018/KDTM-ST",
    ]);
  });

  it("keeps the line order of a crooked scan, where each full-width line's box overlaps the next", () => {
    // Skewed 2°: every box is tall and overlaps its neighbours vertically; they never share a row.
    const lines = [at("second", 0.1, 0.125, 0.8, 0.045), at("first", 0.1, 0.1, 0.8, 0.045), at("third", 0.1, 0.15, 0.8, 0.045)];
    expect(texts(lines)).toEqual(["first", "second", "third"]);
  });

  it("reads the closing block (recipients left, signature right) column by column", () => {
    const lines = [
      at("Nơi nhận:", 0.1, 0.7, 0.12),
      at("TM. HỘI ĐỒNG XÉT XỬ", 0.55, 0.7, 0.3),
      at("- Các đương sự;", 0.1, 0.72, 0.18),
      at("THẨM PHÁN - CHỦ TỌA PHIÊN TÒA", 0.5, 0.72, 0.4),
      at("- Lưu hồ sơ.", 0.1, 0.74, 0.15),
    ];
    expect(texts(lines)).toEqual(["Nơi nhận:", "- Các đương sự;", "- Lưu hồ sơ.", "TM. HỘI ĐỒNG XÉT XỬ", "THẨM PHÁN - CHỦ TỌA PHIÊN TÒA"]);
  });

  it("puts lines without a position after the placed ones, in the order given", () => {
    const loose: TextLine = { text: "loose", confidence: 0.5, box: null };
    expect(texts([loose, at("b", 0.1, 0.2, 0.8), at("a", 0.1, 0.1, 0.8)])).toEqual(["a", "b", "loose"]);
  });
});
