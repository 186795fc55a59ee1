/** Dates as Vietnamese documents print them; all functions take folded text. */

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// OCR prints 1 as "I" or "l" and 0 as "O" inside day and month numbers ("tháng I2", "ngày L7")
const WORDED = /ngay\s*((?=[ilo]?\d)[\dilo]{1,2})\s*thang\s*((?=[ilo]?\d)[\dilo]{1,2})\s*nam\s*((?=[\do]{4})\d[\do]{3})/;

const ocrDigits = (printed: string | undefined): number => Number((printed ?? "").replace(/[il]/g, "1").replace(/o/g, "0"));
const NUMERIC = /(?<![\da-z])((?=[ilo]?\d)[\dilo]{1,2})\s*([\/.-])\s*((?=[ilo]?\d)[\dilo]{1,2})\s*\2\s*((?=[\do]{4})\d[\do]{3})(?!\d)/;

/**
 * The first date in a folded text, as ISO yyyy-mm-dd: "ngày 10 tháng 01 năm 2017",
 * "30 - 9 - 2020", "14/11/2018", "28-11-2017", "18.5.2022". Null when there is none or it is impossible.
 */
export function parseDate(folded: string): { iso: string; index: number; length: number } | null {
  const worded = WORDED.exec(folded);
  const numeric = NUMERIC.exec(folded);
  const candidates = [
    worded ? { m: worded, day: worded[1], month: worded[2], year: worded[3] } : null,
    numeric ? { m: numeric, day: numeric[1], month: numeric[3], year: numeric[4] } : null,
  ].filter((c): c is NonNullable<typeof c> => c !== null);
  candidates.sort((a, b) => a.m.index - b.m.index);
  for (const c of candidates) {
    const value = iso(ocrDigits(c.year), ocrDigits(c.month), ocrDigits(c.day));
    if (value) return { iso: value, index: c.m.index, length: c.m[0].length };
  }
  return null;
}
