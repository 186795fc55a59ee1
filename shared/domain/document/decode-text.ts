import { UTF16BE_BOM, UTF16LE_BOM } from "./media-type.ts";
import { UnsupportedDocumentError } from "./unreadable-document-error.ts";

const hasBom = (bytes: Uint8Array, bom: readonly number[]): boolean => bom.every((b, i) => bytes[i] === b);

function encodingOf(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (hasBom(bytes, UTF16LE_BOM)) return "utf-16le";
  if (hasBom(bytes, UTF16BE_BOM)) return "utf-16be";
  return "utf-8";
}

/**
 * Decodes a plain-text document: UTF-8 (with or without BOM) or UTF-16 with BOM. The BOM is dropped,
 * line ends become "\n" and the text is NFC-normalised, because Vietnamese arrives both precomposed and
 * decomposed (NFD from macOS and some OCR tools) and every later step compares characters.
 * Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) are refused rather than read as mojibake.
 */
export function decodeText(bytes: Uint8Array): string {
  const encoding = encodingOf(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new UnsupportedDocumentError(
      `text is not valid ${encoding.toUpperCase()} (legacy encodings such as TCVN3 or Windows-1258 are not supported; save it as UTF-8)`,
      { cause },
    );
  }
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}
