import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeTextLayer } from "#domain/document/text-layer-quality.ts";
import { samplesDir } from "../support/paths.ts";

const judgment = readFileSync(join(samplesDir, "ban-an-tin-dung-ngan-hang.txt"), "utf8");
const reason = (text: string) => {
  const verdict = judgeTextLayer(text);
  return verdict.usable ? "usable" : verdict.reason;
};

describe("judging whether a PDF page's text layer is real text", () => {
  it("accepts a page of a real judgment", () => {
    expect(reason(judgment.slice(0, 2500))).toBe("usable");
  });

  it("accepts any page-sized stretch of a judgment, precomposed or decomposed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: judgment.length - 1200 }), fc.boolean(), (start, decompose) => {
        const page = judgment.slice(start, start + 1200);
        expect(reason(decompose ? page.normalize("NFD") : page)).toBe("usable");
      }),
    );
  });

  it("accepts a page whose words are separated by no-break spaces, as Word exports them", () => {
    expect(reason(judgment.slice(0, 1500).replace(/ /g, "\u00a0"))).toBe("usable");
  });

  it("accepts a short signature page", () => {
    expect(reason("TM. HỘI ĐỒNG XÉT XỬ SƠ THẨM\nTHẨM PHÁN - CHỦ TỌA PHIÊN TÒA\n(Đã ký)\nPhạm Thị Minh Nguyệt")).toBe("usable");
  });

  it("sends a page without a text layer, or with only a page number, to OCR", () => {
    expect(reason("")).toBe("no-text");
    expect(reason(" \n \f ")).toBe("no-text");
    expect(reason("Trang 3/5")).toBe("too-little-text");
  });

  it("sends glyph codes from a font without a Unicode map to OCR", () => {
    const glyphCodes = "\u0003\u0011\u0025\u0026\u0003\u0044\u0051\u0003\u0051\u0004\u0044\u0051".repeat(10);
    expect(reason(`Tòa án ${glyphCodes} nhân dân huyện Kim Sơn, tỉnh Ninh Bình`)).toBe("garbled");
    expect(reason("\uE001\uE002\uE003 \uE004\uE005".repeat(20))).toBe("garbled");
  });

  it("sends Vietnamese typed in a legacy TCVN3 font, read without it, to OCR", () => {
    const tcvn3 = "Tßa ¸n nh©n d©n huyÖn B×nh Lôc, tØnh Hµ Nam. Bé luËt Tè tông d©n sù. Buéc «ng NguyÔn V¨n H ph¶i tr¶ cho bµ Lª ThÞ M";
    expect(reason(tcvn3)).toBe("garbled");
  });

  it("sends punctuation soup and vowel-less letter runs to OCR", () => {
    expect(reason("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~ ab".repeat(8))).toBe("garbled");
    expect(reason("Wkh tzbck brwn fxk jmps vr th lzy dg xcpt frm th wnd shll ntr".repeat(3))).toBe("garbled");
  });
});
