/**
 * Whether a scanned document certainly has one page, read from its structure without decoding it.
 * OCR engines' synchronous calls (Textract DetectDocumentText) take single-page documents only, so
 * "not certain" must mean "treat as multi-page".
 */

/** The number of images a classic TIFF chains, or null when the chain is broken, loops or is not a TIFF. */
function tiffPageCount(bytes: Uint8Array): number | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (order !== "II" && order !== "MM") return null;
  const little = order === "II";
  if (view.getUint16(2, little) !== 42) return null;
  const seen = new Set<number>();
  let directory = view.getUint32(4, little);
  while (directory !== 0) {
    if (seen.has(directory) || directory + 2 > bytes.length) return null;
    seen.add(directory);
    const next = directory + 2 + view.getUint16(directory, little) * 12;
    if (next + 4 > bytes.length) return null;
    directory = view.getUint32(next, little);
  }
  return seen.size;
}

const tiffHasOnePage = (bytes: Uint8Array): boolean => tiffPageCount(bytes) === 1;

/**
 * The 1-based page numbers of a scanned image file, read from its structure: a photo is one page, a TIFF as many
 * as it chains. Null for PDFs (their reader knows which pages need OCR) and for anything unreadable.
 */
export function imagePageNumbers(mediaType: string, bytes: Uint8Array): number[] | null {
  if (mediaType === "image/png" || mediaType === "image/jpeg") return [1];
  const count = mediaType === "image/tiff" ? tiffPageCount(bytes) : null;
  return count === null ? null : Array.from({ length: count }, (_, i) => i + 1);
}

/**
 * `/Type /Pages` and `/Count n` in one page tree node, at most PAGES_ENTRY_GAP characters apart. The
 * bound keeps the scan linear on hostile bytes; a node whose entries lie farther apart (a long /Kids
 * array) has many pages anyway, and an unmatched node only means "not certain".
 */
const PAGES_ENTRY_GAP = 512;
const PAGE_TREE_COUNT = new RegExp(
  `/Type\\s*/Pages\\b[^>]{0,${PAGES_ENTRY_GAP}}?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]{0,${PAGES_ENTRY_GAP}}?/Type\\s*/Pages\\b`,
  "g",
);

/**
 * A PDF whose page tree nodes, where readable as plain text, count one page at most. PDFs that keep
 * their page tree in compressed object streams give no answer (false).
 */
function pdfHasOnePage(bytes: Uint8Array): boolean {
  const text = new TextDecoder("latin1").decode(bytes);
  const counts = [...text.matchAll(PAGE_TREE_COUNT)].map((match) => Number(match[1] ?? match[2]));
  return counts.length > 0 && Math.max(...counts) === 1;
}

export function certainlySinglePage(mediaType: string, bytes: Uint8Array): boolean {
  if (mediaType === "image/png" || mediaType === "image/jpeg") return true;
  if (mediaType === "image/tiff") return tiffHasOnePage(bytes);
  if (mediaType === "application/pdf") return pdfHasOnePage(bytes);
  return false;
}
