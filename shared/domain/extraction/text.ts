/**
 * Text preparation shared by every extraction rule.
 *
 * Rules match against a *folded* copy of the text: lower case, no diacritics, đ→d. Folding is done one
 * UTF-16 unit at a time on NFC text, so an offset in the folded copy is the same offset in the source;
 * evidence spans and names are always cut from the source, with their diacritics.
 */

/** Folded form of every UTF-16 unit, filled on first use. */
let foldTable: Uint16Array | null = null;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    const ch = String.fromCharCode(code);
    let out = ch;
    if (ch === "đ" || ch === "Đ" || ch === "Ð" || ch === "ð") out = "d";
    // "ƣ", the look-alike of "ư" that OCR and legacy fonts produce
    else if (ch === "ƣ" || ch === "Ƣ") out = "u";
    else if (code < 0xd800 || code > 0xdfff) {
      const base = (ch.normalize("NFD")[0] ?? ch).toLowerCase();
      // a letter that lower-cases to two units (rare) keeps itself, so offsets hold
      if (base.length === 1) out = base;
    }
    table[code] = out.charCodeAt(0);
  }
  return table;
}

const utf16 = new TextDecoder("utf-16le");

/** Lower case, diacritics removed, đ→d; same length as the input. */
export function fold(text: string): string {
  foldTable ??= buildFoldTable();
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = foldTable[text.charCodeAt(i)] ?? 0;
  // a decoder costs more than it saves on the short strings (names, lines) most calls fold
  return text.length <= SHORT ? String.fromCharCode(...units) : utf16.decode(units);
}

/** Up to this length a string is built unit by unit rather than decoded. */
const SHORT = 256;

/** Folds and squeezes to single-spaced words: for comparing names and labels. */
export function foldWords(text: string): string {
  return fold(text.normalize("NFC"))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Normalises raw document text: NFC, unified line breaks and spaces, page markers and
 * page-number lines removed, hyphen and quote variants unified. Keeps line structure.
 */
export function normalizeDocumentText(raw: string): string {
  const text = raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(UNIFY, (unit) => UNIFIED[unit] ?? unit)
    // "<Page:3>" markers left by some converters; a page number glued in front is the previous page's
    .replace(/(\d{1,3})?<Page:(\d+)>/g, (_m, glued: string | undefined, page: string) => (glued !== undefined && Number(glued) !== Number(page) - 1 ? `${glued}\n` : "\n"));
  // indentation and trailing blanks carry no meaning, and a wrapped line must join with one space; a trailing run
  // is matched only from its first unit (the look-behind): "[ ]+$" alone would be retried from every unit of a long
  // run and backtrack quadratically
  // two or three blanks between words are a typing or OCR slip ("Đợt  3"); wider gaps part columns and stay
  return text.replace(/^ +|(?<! ) +(?=\n|$)/gm, "").replace(/(?<=\S) {2,3}(?=\S)/g, " ");
}

/**
 * Units that print alike, each written one way: spaces (no-break, figure, tab), dashes and quotes; zero-width units
 * dropped; and OCR's and legacy fonts' look-alikes: the Icelandic "Ð" for "Đ", "ƣ" (U+01A3) for "ư".
 */
const UNIFIED: Record<string, string> = {
  "\u00a0": " ",
  "\u2007": " ",
  "\u202f": " ",
  "\t": " ",
  "\u200b": "",
  "\u200c": "",
  "\u200d": "",
  "\ufeff": "",
  "\u00d0": "Đ",
  "\u00f0": "đ",
  "\u01a2": "Ư",
  "\u01a3": "ư",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2018": "'",
  "\u2019": "'",
};
const UNIFY = new RegExp(`[${Object.keys(UNIFIED).join("")}]`, "g");

/** 1-based line number of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Title case for headings printed in capitals ("TÒA ÁN NHÂN DÂN HUYỆN LÝ NHÂN"). */
export function capitalizeWords(text: string): string {
  return text
    .toLocaleLowerCase("vi")
    .replace(/(^|[\s(\-–,])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toLocaleUpperCase("vi"));
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
