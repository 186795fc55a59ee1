/**
 * Whether a PDF page's own text layer is real text worth reading, or the page must go to OCR.
 *
 * Scanned judgments often carry no text layer, a few stray characters (a stamp, a page number), or a
 * layer that is garbage: glyph codes from fonts without a Unicode map, or Vietnamese typed in a legacy
 * font encoding (TCVN3 ".VnTime", VNI) that comes out as "Tßa ¸n nh©n d©n". Such a layer would feed the
 * extractor nonsense, so the page is recognised from its image instead.
 */

export type TextLayerVerdict = { usable: true } | { usable: false; reason: "no-text" | "too-little-text" | "garbled" };

/** A signature page still has a few dozen letters; a stamp or page number has fewer. */
const MIN_LETTERS = 20;
/** Share of non-space characters that must be letters or digits (the rest is punctuation). */
const MIN_ALPHANUMERIC_SHARE = 0.6;
/** Control, private-use, unassigned and replacement characters: glyph codes, not text. */
const MAX_INVALID_SHARE = 0.02;
/** Every Vietnamese syllable has a vowel; abbreviations (TNHH, DS-ST) are the exception, not the rule. */
const MIN_VOWELLED_WORD_SHARE = 0.6;
/** Latin-1 letters and signs Vietnamese never uses: the mark of TCVN3/VNI text read without its font. */
const MAX_FOREIGN_LATIN1_SHARE = 0.03;

const INVALID = /[\p{Cc}\p{Co}\p{Cn}\uFFFD]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
/** Latin-1 Supplement characters that do occur in Vietnamese (vowels with one mark). */
const VIETNAMESE_LATIN1 = new Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý");
const VOWEL = /[aeiouy]/;
/** Folds a word to plain ASCII letters so vowels are found whatever their marks. */
const fold = (word: string): string =>
  word.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();

function isForeignLatin1(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xa0 && code <= 0xff && !VIETNAMESE_LATIN1.has(char);
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** Judges one page's text layer. Pure; thresholds are the named constants above. */
export function judgeTextLayer(pageText: string): TextLayerVerdict {
  // \s with the u flag also drops the no-break spaces word processors put in PDFs.
  const visible = [...pageText.replace(/\s+/gu, "")];
  if (visible.length === 0) return { usable: false, reason: "no-text" };

  let letters = 0;
  let alphanumeric = 0;
  let invalid = 0;
  let foreign = 0;
  for (const char of visible) {
    if (INVALID.test(char)) invalid++;
    else if (LETTER_OR_DIGIT.test(char)) {
      alphanumeric++;
      if (LETTER.test(char)) letters++;
    }
    if (isForeignLatin1(char)) foreign++;
  }
  if (share(invalid, visible.length) > MAX_INVALID_SHARE) {
    return { usable: false, reason: "garbled" };
  }
  if (share(alphanumeric, visible.length) < MIN_ALPHANUMERIC_SHARE) {
    return { usable: false, reason: "garbled" };
  }
  if (letters < MIN_LETTERS) {
    return { usable: false, reason: "too-little-text" };
  }
  if (share(foreign, visible.length) > MAX_FOREIGN_LATIN1_SHARE) {
    return { usable: false, reason: "garbled" };
  }
  const words = pageText.split(/[^\p{L}]+/u).filter(Boolean);
  // Scripts without Latin vowels are not what this check is about; only Latin words are counted.
  const latinWords = words.map(fold).filter((w) => /^[a-z]+$/.test(w));
  const vowelled = latinWords.filter((w) => VOWEL.test(w)).length;
  if (latinWords.length > 0 && share(vowelled, latinWords.length) < MIN_VOWELLED_WORD_SHARE) {
    return { usable: false, reason: "garbled" };
  }
  return { usable: true };
}
