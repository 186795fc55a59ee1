/**
 * Whether a scanned document certainly has one page, read from its structure without decoding it.
 * OCR engines' synchronous calls (Textract DetectDocumentText) take single-page documents only, so
 * "not certain" must mean "treat as multi-page".
 */

/** A TIFF's first image directory says there is no second one. */
function tiffHasOnePage(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (order !== "II" && order !== "MM") return false;
  const little = order === "II";
  if (view.getUint16(2, little) !== 42) return false;
  const first = view.getUint32(4, little);
  if (first + 2 > bytes.length) return false;
  const entries = view.getUint16(first, little);
  const next = first + 2 + entries * 12;
  return next + 4 <= bytes.length && view.getUint32(next, little) === 0;
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
