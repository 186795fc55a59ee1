/**
 * Vietnamese numbers as courts print them: digit groups ("150.000.000", "2,000,000,000",
 * OCR-damaged "210.000. 000"), decimals with a comma ("1,5 tỷ"), scale words ("150 triệu") and
 * numbers written out in words ("Một trăm năm mươi triệu", with mốt, lăm, tư, linh/lẻ).
 * All functions take folded text (see text.ts).
 */

const DIGIT_WORDS: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
const SCALE_WORDS: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9, ti: 1e9 };

/** Every word that can be part of a number written out. */
export const NUMBER_WORDS = new Set([...Object.keys(DIGIT_WORDS), ...Object.keys(SCALE_WORDS), "muoi", "tram", "linh", "le", "chuc", "muoii"]);

/**
 * Value of a number written in (folded) Vietnamese words, or null when the words are not a number.
 * "mot tram nam muoi trieu" → 150000000; "chin trieu, chin tram ba muoi tu nghin" → 9934000.
 */
export function parseNumberWords(words: string): number | null {
  const tokens = words.split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0) return null;
  let billions = 0; // everything already multiplied by "tỷ"
  let belowBillion = 0; // thousands and millions below the current tỷ
  let group = 0; // the current group below one thousand
  let pending: number | null = null; // a digit waiting for its multiplier
  let sawNumber = false;
  for (const token of tokens) {
    const digit = DIGIT_WORDS[token];
    if (digit !== undefined) {
      if (pending !== null) group += pending; // "hai ba" is not a number form; keep the sum honest
      pending = digit;
      sawNumber = true;
      continue;
    }
    switch (token) {
      case "muoi":
      case "chuc":
        group += (pending ?? 1) * 10;
        pending = null;
        sawNumber = true;
        break;
      case "tram":
        group += (pending ?? 1) * 100;
        pending = null;
        sawNumber = true;
        break;
      case "linh":
      case "le":
        break;
      case "nghin":
      case "ngan":
      case "trieu": {
        const scale = SCALE_WORDS[token] ?? 1;
        let chunk = group + (pending ?? 0);
        if (chunk === 0) chunk = 1;
        belowBillion += chunk * scale;
        group = 0;
        pending = null;
        sawNumber = true;
        break;
      }
      case "ty":
      case "ti": {
        let chunk = belowBillion + group + (pending ?? 0);
        if (chunk === 0) chunk = 1;
        billions += chunk * 1e9;
        belowBillion = 0;
        group = 0;
        pending = null;
        sawNumber = true;
        break;
      }
      default:
        return null;
    }
  }
  if (!sawNumber) return null;
  return billions + belowBillion + group + (pending ?? 0);
}

/**
 * Value of a number printed with digits in Vietnamese style: dots (or commas) group thousands,
 * a comma marks decimals. OCR noise such as a space after a separator or the letter o for zero is
 * tolerated. Returns null when the text is not a number.
 */
export function parseDigitNumber(raw: string): number | null {
  const text = raw.replace(/\d[\d.,o]*/g, (run) => run.replace(/o/g, "0")).replace(/([.,])\s+(?=\d{3})/g, "$1").replace(/\s+(?=\d{3}\b)/g, ".");
  if (!/^\d[\d.,]*$/.test(text)) return null;
  // groups of three after every separator: thousands separators, whichever mark is used
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) {
    const marks = new Set(text.replace(/\d/g, ""));
    // "1,500" alone could be a decimal, but courts write decimals with one or two places
    if (marks.size === 1) return Number(text.replace(/[.,]/g, ""));
  }
  // 1.234.567,5 or 1,5
  const decimal = /^(\d{1,3}(?:\.\d{3})*|\d+),(\d+)$/.exec(text);
  if (decimal) return Number(`${(decimal[1] ?? "").replace(/\./g, "")}.${decimal[2]}`);
  // 1.5 with a dot decimal (rare, OCR)
  if (/^\d+\.\d{1,2}$/.test(text)) return Number(text);
  if (/^\d+$/.test(text)) return Number(text);
  return null;
}

export interface AmountMatch {
  /** Offsets in the (folded and source) text of the whole amount, unit included. */
  start: number;
  end: number;
  value: number;
  /** How the amount was written: digits, digits with a scale word, or words only. */
  form: "digits" | "scaled" | "words";
  periodic: "month" | "year" | null;
  /** The amount written again in words, in brackets, right after the digits; null if absent. */
  spelledValue: number | null;
}

const NUM = String.raw`\d[\d.,]*(?:(?:[.,] ?| )\d{3}(?![\d]))*`;
// OCR reads "đồng" as "đẳng" or "dòng" (folded "dang", "dong"), or loses its vowel ("đng"): after a number it is still the currency
const CURRENCY = String.raw`(?:dong|dang(?![a-z])|dng(?![a-z])|d(?![a-z])|vnd)`;
const SCALE = String.raw`(nghin|ngan|trieu|ty|ti)`;
const WORD = String.raw`(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|linh|le|chuc|nghin|ngan|trieu|ty|ti)`;
const WORDS_RUN = String.raw`${WORD}(?:[\s,]+${WORD})*`;

const DIGIT_AMOUNT = new RegExp(
  String.raw`(?<![\d\w/])(${NUM})(?: ?\(\s*(${WORDS_RUN})\s*(?:dong|dang)?\s*\))?\s*(?:${SCALE}\s*)?(${CURRENCY})?(?: ?\(\s*(${WORDS_RUN})\s*(?:dong|dang)?\s*\))?`,
  "g",
);
const WORD_AMOUNT = new RegExp(String.raw`(?<![a-z])(${WORDS_RUN})\s+(?:dong|dang)(?![a-z])`, "g");

function periodicAfter(folded: string, end: number, start: number): "month" | "year" | null {
  const after = folded.slice(end, end + 12);
  if (/^\s*\/\s*thang/.test(after) || /^\s*(?:mot|moi|hang) thang/.test(after)) return "month";
  if (/^\s*\/\s*nam\b/.test(after)) return "year";
  const before = folded.slice(Math.max(0, start - 40), start);
  if (/(?:moi|hang) thang\s*(?:la|:)?\s*$/.test(before)) return "month";
  return null;
}

/** How long the bracket of words right after an amount is ("(mười ba triệu mộ trăm nghìn đồng)"), or 0. */
function spelledWordsAt(folded: string, at: number): number {
  return /^\s?\([a-z ,]{3,90}\)/.exec(folded.slice(at, at + 100))?.[0].length ?? 0;
}

/**
 * Every money amount in a folded text: "150.000.000 đồng", "150.000.000đ", "150 triệu đồng",
 * "1,5 tỷ đồng", "60.000.000 (sáu mươi triệu) đồng" and amounts only in words ("một trăm ba mươi triệu đồng").
 * An amount in brackets right after digits is read as the spelled-out copy, not a second amount.
 */
export function findAmounts(text: string): AmountMatch[] {
  // OCR reads 0 as O inside numbers ("1.5OO.OOO"); same length, so offsets still hold
  // and 1 as I or l at the head of a grouped number ("I20.000.000", "2l.600.000")
  const folded = text
    .replace(/\d[\d.,]*o[\d.,o]*/g, (run) => run.replace(/o/g, "0"))
    .replace(/(?<![a-z\d])(\d?)[il](?=\d{0,2}[.,]\d{3}\b)/g, (_m, digit: string) => `${digit}1`);
  const found: AmountMatch[] = [];
  const covered: Array<[number, number]> = [];
  for (const m of folded.matchAll(DIGIT_AMOUNT)) {
    const [whole, digits = "", innerWords, scale, currency, trailingWords] = m;
    if (!scale && !currency) continue;
    const base = parseDigitNumber(digits.trim());
    if (base === null) continue;
    const multiplier = scale ? (SCALE_WORDS[scale] ?? 1) : 1;
    const value = Math.round(base * multiplier);
    if (!scale && !Number.isInteger(base)) continue;
    // a bare small number followed by "d" is more likely a list marker or a date part than money
    if (!scale && value < 1000) continue;
    const start = m.index;
    // a spelled copy the pattern could not read (OCR damaged its words) still belongs to the amount
    const unread = spelledWordsAt(folded, start + whole.trimEnd().length);
    const end = start + whole.trimEnd().length + unread;
    const spelledWords = innerWords ?? trailingWords;
    const spelledValue = spelledWords ? parseNumberWords(spelledWords) : null;
    found.push({ start, end, value, form: scale ? "scaled" : "digits", periodic: periodicAfter(folded, end, start), spelledValue });
    covered.push([start, end]);
  }
  for (const m of folded.matchAll(WORD_AMOUNT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered.some(([s, e]) => start < e && end > s)) continue;
    // skip a leading bracket duplicate like "(Một trăm triệu đồng)" right after digits: covered above
    const value = parseNumberWords(m[1] ?? "");
    if (value === null || value < 1000) continue;
    // inside brackets right after a digit amount: a spelled copy that the digit pattern did not reach, also the
    // tail of one whose first words OCR damaged ("(Mười ba triệu mộ trăm nghìn đồng)")
    const before = folded.slice(Math.max(0, start - 80), start);
    if (/\d\s*(?:dong|dang|dng|d|vnd)?\s*(?:\/\s*(?:thang|nam)\s*)?\(\s*[a-z ,]*$/.test(before)) continue;
    found.push({ start, end, value, form: "words", periodic: periodicAfter(folded, end, start), spelledValue: null });
  }
  return found.sort((a, b) => a.start - b.start);
}
