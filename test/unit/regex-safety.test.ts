/**
 * Every text function outside extraction that runs regular expressions over untrusted text (file
 * names, PDF bytes, OCR text, messages) takes time linear in its input: adversarial strings built
 * from the characters its patterns hinge on stay within a time bound per KB. (The extraction
 * normaliser is covered by its own test.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { oneLine } from "../../cli/command.ts";
import { assignAgency } from "#domain/agencies/assign-agency.ts";
import { vietnamDirectory } from "#domain/agencies/vietnam-directory.ts";
import { decodeText } from "#domain/document/decode-text.ts";
import { judgeTextLayer } from "#domain/document/text-layer-quality.ts";
import { caseNumberKey, foldText, nameTokens } from "#domain/search-keys.ts";
import { certainlySinglePage } from "#domain/single-page.ts";
import { decodeEventKey, mediaTypeOf, parseUploadKey, safeFileName } from "#domain/upload-key.ts";
import { detectMediaType } from "#use-cases/read-document.ts";

const INPUT_BYTES = 64 * 1024;
const DIRECTORY = vietnamDirectory();
/** Generous for a loaded machine: linear code spends microseconds per KB, the quadratic patterns found spent seconds. */
const MS_PER_KB = 1;

/** Pieces the audited patterns hinge on: blanks, line breaks, dots, PDF page-tree tokens, digits, marks, escapes. */
const PIECES = [" ", "  ", "\n", "\r\n", "\t", ".", "/", "\\", "/Count 1 ", "/Type /Pages ", ">", "0", "9", "a", "Z", "đ", "\u0301", "so:", "tand ", "%", "%E0", "+", "\u00a0", "\u200b"];

/** A long string: a short random prefix, then one random unit repeated to INPUT_BYTES, then a random tail. */
const adversarial = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }))
  .map(([prefix, unit, tail]) => {
    const repeated = unit.join("");
    return {
      text: prefix.join("") + repeated.repeat(Math.ceil(INPUT_BYTES / repeated.length)) + tail.join(""),
      shape: JSON.stringify({ prefix: prefix.join(""), unit: repeated, tail: tail.join("") }),
    };
  });

const textFunctions: Record<string, (text: string) => unknown> = {
  "oneLine (CLI messages)": oneLine,
  "certainlySinglePage (PDF bytes)": (text) => certainlySinglePage("application/pdf", new TextEncoder().encode(text)),
  "foldText, nameTokens, caseNumberKey (search keys)": (text) => [foldText(text), nameTokens(text), caseNumberKey(text)],
  "judgeTextLayer (PDF text layer)": judgeTextLayer,
  "safeFileName, mediaTypeOf, parseUploadKey (upload names)": (text) => [safeFileName(text), mediaTypeOf(text, undefined), parseUploadKey(text)],
  "decodeEventKey (S3 event keys)": (text) => {
    try {
      return decodeEventKey(text);
    } catch {
      return null; // a malformed escape is refused, which is fine; hanging is not
    }
  },
  "assignAgency (court names)": (text) => assignAgency(DIRECTORY, text, "2026-01-01"),
  "decodeText (plain-text uploads)": (text) => decodeText(new TextEncoder().encode(text)),
  "detectMediaType (file names)": (text) => detectMediaType(text, new TextEncoder().encode("%PDF-1.7\n")),
};

describe("text functions on untrusted input take linear time", () => {
  for (const [name, run] of Object.entries(textFunctions)) {
    it(`${name}: within ${MS_PER_KB} ms per KB on adversarial strings`, () => {
      run("warm-up");
      for (const { text, shape } of fc.sample(adversarial, 25)) {
        const started = performance.now();
        run(text);
        const msPerKb = (performance.now() - started) / (text.length / 1024);
        expect(msPerKb, shape).toBeLessThan(MS_PER_KB);
      }
    });
  }
});
