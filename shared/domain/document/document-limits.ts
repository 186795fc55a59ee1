/**
 * How large a document may be once decoded. A small file can claim a huge image or inflate a
 * thousandfold, and a decoder sizes its memory from those claims: the limits are checked against
 * the file's own headers before anything is decoded, rasterised or sent to OCR.
 */
import { CorruptDocumentError, DocumentTooLargeError } from "./unreadable-document-error.ts";

export const DOCUMENT_LIMITS = {
  /** Pages in one document: Textract's limit for a job, and far beyond any judgment. */
  maxPages: 3_000,
  /** Pixels in one page image: an A4 page at 600 dpi has 35 million; 100 million decode to 300 MB of RGB. */
  maxPixelsPerPage: 100_000_000,
  /** Bytes a PDF's compressed streams other than images may inflate to, all together (text, fonts, forms). */
  maxDecodedPdfBytes: 256 * 1024 * 1024,
} as const;

export interface ImageSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array, view: DataView): ImageSize[] {
  const isIhdr = bytes[12] === 0x49 && bytes[13] === 0x48 && bytes[14] === 0x44 && bytes[15] === 0x52;
  if (bytes.length < 24 || !PNG_SIGNATURE.every((byte, index) => bytes[index] === byte) || !isIhdr) return [];
  return [{ width: view.getUint32(16), height: view.getUint32(20) }];
}

/** Start-of-frame markers (SOF0-SOF15 but DHT, JPG and DAC) carry the frame's height and width. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array, view: DataView): ImageSize[] {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return [];
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, or entropy-coded data before any frame header
    const length = view.getUint16(at + 2);
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) break;
      return [{ width: view.getUint16(at + 7), height: view.getUint16(at + 5) }];
    }
    at += 2 + length;
  }
  return [];
}

const TIFF_TYPE_SIZES: Record<number, number> = { 3: 2, 4: 4 };

/** Each image directory's size, following the chain of directories; a chain that loops is damage. */
function tiffSizes(bytes: Uint8Array, view: DataView): ImageSize[] {
  const little = bytes[0] === 0x49;
  if (bytes.length < 8 || view.getUint16(2, little) !== 42) throw new CorruptDocumentError("TIFF image has no valid header");
  const sizes: ImageSize[] = [];
  const seen = new Set<number>();
  for (let directory = view.getUint32(4, little); directory !== 0; ) {
    if (seen.has(directory)) throw new CorruptDocumentError("TIFF image directories form a loop");
    seen.add(directory);
    if (sizes.length >= DOCUMENT_LIMITS.maxPages) throw new DocumentTooLargeError(`TIFF image has over ${DOCUMENT_LIMITS.maxPages} pages`);
    if (directory + 2 > bytes.length) throw new CorruptDocumentError("TIFF image directory lies outside the file");
    const entries = view.getUint16(directory, little);
    const next = directory + 2 + entries * 12;
    if (next + 4 > bytes.length) throw new CorruptDocumentError("TIFF image directory lies outside the file");
    const size: ImageSize = { width: 0, height: 0 };
    for (let entry = directory + 2; entry < next; entry += 12) {
      const tag = view.getUint16(entry, little);
      if (tag !== 256 && tag !== 257) continue;
      const type = view.getUint16(entry + 2, little);
      if (!(type in TIFF_TYPE_SIZES)) continue;
      const value = type === 3 ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little);
      if (tag === 256) size.width = value;
      else size.height = value;
    }
    sizes.push(size);
    directory = view.getUint32(next, little);
  }
  return sizes;
}

/**
 * The size of each page of a PNG, JPEG or TIFF image, read from its headers alone; none when a PNG
 * or JPEG header cannot be read (its decoder refuses such a file as damaged). Throws
 * CorruptDocumentError for a TIFF whose directories cannot be followed, DocumentTooLargeError past
 * the page limit.
 */
export function imagePageSizes(mediaType: "image/png" | "image/jpeg" | "image/tiff", bytes: Uint8Array): ImageSize[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (mediaType === "image/png") return pngSize(bytes, view);
  if (mediaType === "image/jpeg") return jpegSize(bytes, view);
  return tiffSizes(bytes, view);
}

/** Refuses an image page over the pixel limit (DocumentTooLargeError), naming its size. */
export function assertPagePixelsWithinLimit(size: ImageSize, what = "an image page"): void {
  if (size.width * size.height > DOCUMENT_LIMITS.maxPixelsPerPage) {
    throw new DocumentTooLargeError(
      `${what} of ${size.width} x ${size.height} pixels is over the limit of ${DOCUMENT_LIMITS.maxPixelsPerPage.toLocaleString("en")} pixels per page`,
    );
  }
}

/** Refuses an image whose headers claim too many pages or pixels, before any decoder sees it. */
export function assertImageWithinLimits(mediaType: "image/png" | "image/jpeg" | "image/tiff", bytes: Uint8Array): void {
  for (const size of imagePageSizes(mediaType, bytes)) assertPagePixelsWithinLimit(size);
}

/** Refuses a document of more pages than the limit (DocumentTooLargeError). */
export function assertPageCountWithinLimit(pages: number): void {
  if (pages > DOCUMENT_LIMITS.maxPages) {
    throw new DocumentTooLargeError(`${pages} pages is over the limit of ${DOCUMENT_LIMITS.maxPages.toLocaleString("en")} pages per document`);
  }
}
