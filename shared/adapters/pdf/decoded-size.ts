/**
 * What a PDF's streams decode to, checked before pdf.js or a rasteriser decodes them: images by the
 * pixels their dictionaries declare, other Flate streams by inflating them against a budget (a
 * stream that inflates past it stops there, so the check itself stays within bounded memory).
 */
import { inflateSync } from "node:zlib";
import { assertPagePixelsWithinLimit, DOCUMENT_LIMITS } from "#domain/document/document-limits.ts";
import { DocumentTooLargeError } from "#domain/document/unreadable-document-error.ts";

/** How far before a `stream` keyword its dictionary may begin. */
const DICTIONARY_WINDOW = 4096;

const numberEntry = (dictionary: string, key: string): number | null => {
  const match = new RegExp(`/${key}\\s+(\\d{1,10})\\b`).exec(dictionary);
  return match ? Number(match[1]) : null;
};

/** The stream's data ends at the last line break before `endstream` (or at `endstream` itself). */
function streamData(bytes: Uint8Array, text: string, keyword: number): { data: Uint8Array; end: number } | null {
  let start = keyword + "stream".length;
  if (text[start] === "\r") start++;
  if (text[start] !== "\n") return null;
  start++;
  const end = text.indexOf("endstream", start);
  if (end < 0) return null;
  return { data: bytes.subarray(start, end), end };
}

function isBufferTooLarge(error: unknown): boolean {
  return error instanceof RangeError || (error as NodeJS.ErrnoException | undefined)?.code === "ERR_BUFFER_TOO_LARGE";
}

/**
 * Refuses (DocumentTooLargeError) a PDF with an image over the pixel limit, or whose other Flate
 * streams inflate past DOCUMENT_LIMITS.maxDecodedPdfBytes together. Streams that do not inflate are
 * left for pdf.js to judge.
 */
export function assertPdfStreamsWithinLimits(bytes: Uint8Array): void {
  const text = new TextDecoder("latin1").decode(bytes);
  let budget = DOCUMENT_LIMITS.maxDecodedPdfBytes;
  for (let keyword = text.indexOf("stream"); keyword >= 0; keyword = text.indexOf("stream", keyword + 1)) {
    if (text.startsWith("end", keyword - 3)) continue;
    const header = text.slice(Math.max(0, keyword - DICTIONARY_WINDOW), keyword);
    const dictionary = header.slice(header.lastIndexOf(" obj") + 1);
    const found = streamData(bytes, text, keyword);
    if (found === null) continue;
    keyword = found.end;
    if (/\/Subtype\s*\/Image\b/.test(dictionary)) {
      const width = numberEntry(dictionary, "Width");
      const height = numberEntry(dictionary, "Height");
      if (width !== null && height !== null) assertPagePixelsWithinLimit({ width, height }, "an image in the PDF");
      continue;
    }
    if (!/\/FlateDecode\b/.test(dictionary)) continue;
    try {
      budget -= inflateSync(found.data, { maxOutputLength: budget + 1 }).length;
    } catch (error) {
      if (isBufferTooLarge(error)) {
        throw new DocumentTooLargeError(`PDF streams inflate to over ${DOCUMENT_LIMITS.maxDecodedPdfBytes / (1024 * 1024)} MB decoded`, { cause: error });
      }
      // damaged or truncated data: pdf.js reports it as such, or reads around it
    }
    if (budget < 0) throw new DocumentTooLargeError(`PDF streams inflate to over ${DOCUMENT_LIMITS.maxDecodedPdfBytes / (1024 * 1024)} MB decoded`);
  }
}
