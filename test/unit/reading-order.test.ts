import { describe, expect, it } from "vitest";
import { linesInReadingOrder, type PositionedText } from "#adapters/pdf/reading-order.ts";

const A4 = { width: 595, height: 842 };
const run = (text: string, x: number, baseline: number, width = text.length * 5.5, fontSize = 11): PositionedText => ({
  text,
  x,
  baseline,
  width,
  fontSize,
});
const texts = (runs: PositionedText[]) => linesInReadingOrder(runs, A4).map((line) => line.text);

describe("rebuilding a PDF page's lines in reading order", () => {
  it("puts lines top to bottom whatever order the PDF drew them in", () => {
    expect(texts([run("QUYẾT ĐỊNH:", 56, 300), run("NHẬN ĐỊNH CỦA TÒA ÁN:", 56, 100), run("Xử:", 56, 320)])).toEqual([
      "NHẬN ĐỊNH CỦA TÒA ÁN:",
      "QUYẾT ĐỊNH:",
      "Xử:",
    ]);
  });

  it("keeps a two-column heading on one line, left column first, with a wide gap between", () => {
    const [line] = texts([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60), run("TÒA ÁN NHÂN DÂN", 56, 60)]);
    expect(line).toMatch(/^TÒA ÁN NHÂN DÂN {2,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
  });

  it("joins pieces of one word without a space and separate words with one", () => {
    // "150.000.000" drawn as two runs that touch; "đồng" after a normal word gap
    const pieces = [run("150.000", 100, 200, 38.5), run(".000", 138.5, 200, 22), run("đồng", 164, 200, 22)];
    expect(texts(pieces)).toEqual(["150.000.000 đồng"]);
  });

  it("treats runs on slightly different baselines (a raised footnote mark) as one line", () => {
    expect(texts([run("Điều 468", 56, 400, 44), run("1", 101, 397, 3, 7), run("Bộ luật Dân sự", 108, 400, 70)])).toEqual([
      "Điều 4681 Bộ luật Dân sự",
    ]);
  });

  it("ignores whitespace-only runs and gives each line a box in page units", () => {
    const [line, ...rest] = linesInReadingOrder([run("Bản án số: 27/2024/DS-ST", 59.5, 84.2, 119), run("   ", 200, 84.2)], A4);
    expect(rest).toEqual([]);
    expect(line?.confidence).toBe(1);
    expect(line?.box?.left).toBeCloseTo(0.1, 3);
    expect(line?.box?.width).toBeCloseTo(0.2, 3);
    expect(line?.box?.top).toBeGreaterThan(0.08);
    expect(line?.box?.top).toBeLessThan(0.1);
  });
});
