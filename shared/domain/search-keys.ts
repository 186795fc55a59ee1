/**
 * Search keys that make Vietnamese text findable without diacritics: staff type "nguyen van hung"
 * or "Nguyễn Văn Hùng" and find the same party.
 */

import { fold } from "./extraction/text.ts";

/**
 * Lower-case ASCII form of Vietnamese text: diacritics removed, đ (and OCR's Ð) -> d. The extraction's own
 * folding, so a name is found the way it was read.
 */
export function foldText(text: string): string {
  return fold(text.normalize("NFC"));
}

/** The distinct folded words of a name, in order ("Nguyễn Văn Hùng" -> nguyen, van, hung). */
export function nameTokens(name: string): string[] {
  return [...new Set(foldText(name).split(/[^a-z0-9]+/).filter((token) => token.length > 0))];
}

/**
 * Canonical form of a case number, so printed variants meet: "Số: 12/2017/DS-ST", "12/2017/DSST",
 * "12 / 2017 / DS-ST" and "12/2017/HNGĐ-ST" vs "12/2017/HNGD-ST" each share one key.
 */
export function caseNumberKey(caseNumber: string): string {
  const folded = foldText(caseNumber).replace(/^\s*so\s*:?\s*/, "");
  return folded.toUpperCase().replace(/[^A-Z0-9/]/g, "");
}
