/** What a document's bytes are, read from its first bytes (magic numbers), never from its name alone. */

export type ReadableMediaType = "application/pdf" | "image/png" | "image/jpeg" | "image/tiff" | "text/plain";

export type MediaTypeGuess =
  | { readable: true; mediaType: ReadableMediaType }
  | { readable: false; /** what the bytes look like, for the error message */ looksLike: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const PDF_HEADER = ascii("%PDF-");
/** The PDF header may follow a little junk (some scanners prepend bytes); readers accept it within 1 KiB. */
const PDF_HEADER_WINDOW = 1024;

const BINARY_SIGNATURES: ReadonlyArray<{ signature: number[]; mediaType: ReadableMediaType }> = [
  { signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], mediaType: "image/png" },
  { signature: [0xff, 0xd8, 0xff], mediaType: "image/jpeg" },
  { signature: [0x49, 0x49, 0x2a, 0x00], mediaType: "image/tiff" },
  { signature: [0x4d, 0x4d, 0x00, 0x2a], mediaType: "image/tiff" },
];

/** Formats people send by mistake, named so the error says what to do instead. */
const UNSUPPORTED_SIGNATURES: ReadonlyArray<{ signature: number[]; looksLike: string }> = [
  { signature: [0x50, 0x4b, 0x03, 0x04], looksLike: "a ZIP archive or Word/Excel file (.docx, .xlsx); export it to PDF" },
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: "an old Word/Excel file (.doc, .xls); export it to PDF" },
  { signature: ascii("{\\rtf"), looksLike: "an RTF document; export it to PDF" },
  { signature: ascii("GIF8"), looksLike: "a GIF image; use PNG, JPEG or TIFF" },
  { signature: ascii("RIFF"), looksLike: "a RIFF file (WebP image or media); use PNG, JPEG or TIFF" },
];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
export const UTF16LE_BOM = [0xff, 0xfe];
export const UTF16BE_BOM = [0xfe, 0xff];

/** Enough of the start of a file to tell text from binary without decoding all of it. */
const TEXT_SNIFF_BYTES = 4096;

function indexOfPdfHeader(bytes: Uint8Array): number {
  const end = Math.min(bytes.length - PDF_HEADER.length, PDF_HEADER_WINDOW);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF_HEADER, i)) return i;
  return -1;
}

/** Text has no NUL bytes and decodes as UTF-8; a multi-byte character cut at the window's edge is fine. */
function looksLikeUtf8Text(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, TEXT_SNIFF_BYTES);
  if (head.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: head.length < bytes.length });
    return true;
  } catch {
    return false;
  }
}

/** Says what a document is from its bytes. Empty input is the caller's case to handle first. */
export function sniffMediaType(bytes: Uint8Array): MediaTypeGuess {
  if (indexOfPdfHeader(bytes) >= 0) return { readable: true, mediaType: "application/pdf" };
  for (const { signature, mediaType } of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) return { readable: true, mediaType };
  }
  for (const { signature, looksLike } of UNSUPPORTED_SIGNATURES) {
    if (startsWith(bytes, signature)) return { readable: false, looksLike };
  }
  if (startsWith(bytes, UTF8_BOM) || startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM) || looksLikeUtf8Text(bytes)) {
    return { readable: true, mediaType: "text/plain" };
  }
  return { readable: false, looksLike: "binary data of an unknown kind (not PDF, PNG, JPEG, TIFF or UTF-8/UTF-16 text)" };
}
