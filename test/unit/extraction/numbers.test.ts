import { describe, expect, it } from "vitest";
import { findAmounts, parseDigitNumber, parseNumberWords } from "#domain/extraction/numbers.ts";
import { fold } from "#domain/extraction/text.ts";

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/** Reads a number below 1,000 the way Vietnamese is spoken; `leading` drops "không trăm" / "linh". */
function groupWords(n: number, leading: boolean, random: () => number): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || !leading) words.push(DIGITS[hundreds] as string, "trăm");
  if (tens === 0 && units > 0 && words.length > 0) words.push(random() < 0.5 ? "linh" : "lẻ");
  if (tens === 1) words.push("mười");
  if (tens > 1) words.push(DIGITS[tens] as string, "mươi");
  if (units > 0) {
    if (units === 1 && tens > 1) words.push("mốt");
    else if (units === 4 && tens > 1) words.push(random() < 0.5 ? "tư" : "bốn");
    else if (units === 5 && tens > 0) words.push("lăm");
    else words.push(DIGITS[units] as string);
  }
  return words;
}

/** Vietnamese words for 1 ≤ n < 10^15: groups of three with nghìn / triệu / tỷ, tỷ repeating above. */
function numberToWords(n: number, random: () => number): string {
  const billions = Math.floor(n / 1e9);
  const rest = n % 1e9;
  const parts: string[] = [];
  const readBelowBillion = (value: number, leading: boolean): string[] => {
    const out: string[] = [];
    const scales: Array<[number, string]> = [
      [1e6, "triệu"],
      [1e3, random() < 0.5 ? "nghìn" : "ngàn"],
      [1, ""],
    ];
    let first = leading;
    for (const [size, name] of scales) {
      const group = Math.floor(value / size) % 1000;
      if (group === 0) continue;
      out.push(...groupWords(group, first, random));
      if (name) out.push(name);
      first = false;
    }
    return out;
  };
  if (billions > 0) parts.push(...readBelowBillion(billions, true), "tỷ");
  if (rest > 0) parts.push(...readBelowBillion(rest, billions === 0));
  return parts.join(" ");
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe("Vietnamese number words", () => {
  it("reads the forms courts print, with mốt, lăm, tư and linh/lẻ", () => {
    expect(parseNumberWords(fold("Một trăm năm mươi triệu"))).toBe(150_000_000);
    expect(parseNumberWords(fold("hai mươi mốt"))).toBe(21);
    expect(parseNumberWords(fold("ba mươi lăm"))).toBe(35);
    expect(parseNumberWords(fold("chín trăm ba mươi tư nghìn"))).toBe(934_000);
    expect(parseNumberWords(fold("một trăm linh bốn"))).toBe(104);
    expect(parseNumberWords(fold("hai trăm lẻ năm ngàn"))).toBe(205_000);
    expect(parseNumberWords(fold("Một tỷ, tám trăm năm mươi triệu, năm trăm ba mươi sáu nghìn, tám trăm"))).toBe(1_850_536_800);
    expect(parseNumberWords(fold("mười hai nghìn tỷ"))).toBe(12_000_000_000_000);
  });

  it("refuses words that are not a number", () => {
    expect(parseNumberWords("tien lai")).toBeNull();
    expect(parseNumberWords("")).toBeNull();
  });

  it("round-trips random values up to 10^13 through generated words", () => {
    const random = seeded(20261125);
    for (let i = 0; i < 5000; i++) {
      const magnitude = Math.floor(random() * 13) + 1;
      const value = Math.max(1, Math.floor(random() * 10 ** magnitude));
      const words = numberToWords(value, random);
      expect(parseNumberWords(fold(words)), words).toBe(value);
    }
  });

  it("finds amounts written only in words, followed by đồng", () => {
    const random = seeded(7);
    for (let i = 0; i < 500; i++) {
      const value = Math.max(1000, Math.floor(random() * 1e12));
      const words = numberToWords(value, random);
      const sentence = `Anh A có nghĩa vụ thanh toán cho chị B số tiền ${words.charAt(0).toUpperCase()}${words.slice(1)} đồng.`;
      const [found] = findAmounts(fold(sentence));
      expect(found?.value, sentence).toBe(value);
    }
  });
});

describe("amounts with digits", () => {
  it("reads dots and commas as thousands separators and a lone comma as a decimal mark", () => {
    expect(parseDigitNumber("150.000.000")).toBe(150_000_000);
    expect(parseDigitNumber("2,000,000,000")).toBe(2_000_000_000);
    expect(parseDigitNumber("1,5")).toBe(1.5);
    expect(parseDigitNumber("210.000. 000")).toBe(210_000_000);
    expect(parseDigitNumber("1.5OO.OOO".toLowerCase())).toBe(1_500_000);
  });

  it("finds the printed forms of money and their spelled-out copy", () => {
    const text = "trả 150.000.000 đồng, 150.000.000đ, 150 triệu đồng, 1,5 tỷ đồng, 60.000.000 (sáu mươi triệu) đồng và 64.200.000đ (Sáu mươi tư triệu hai trăm nghìn đồng)";
    const found = findAmounts(fold(text));
    expect(found.map((a) => a.value)).toEqual([150_000_000, 150_000_000, 150_000_000, 1_500_000_000, 60_000_000, 64_200_000]);
    expect(found[4]?.spelledValue).toBe(60_000_000);
    expect(found[5]?.spelledValue).toBe(64_200_000);
  });

  it("marks monthly payments", () => {
    const [perSlash] = findAmounts(fold("cấp dưỡng 3.000.000 đồng/tháng"));
    const [perWord] = findAmounts(fold("cấp dưỡng nuôi con mỗi tháng 2.000.000đ"));
    expect(perSlash?.periodic).toBe("month");
    expect(perWord?.periodic).toBe("month");
  });

  it("ignores numbers that are not money", () => {
    expect(findAmounts(fold("thửa đất số 125, tờ bản đồ số 12, diện tích 96,5 m2, ngày 14/11/2018"))).toEqual([]);
  });
});
