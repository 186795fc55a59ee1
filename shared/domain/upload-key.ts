/**
 * Where court uploads live in the uploads bucket, and what the intake accepts.
 *
 * Layout: `courts/<courtId>/<yyyy>/<mm>/<dd>/<uploadId>/<file name>`. The court id in the key is the
 * only court identity intake trusts: the upload URL is signed for that prefix alone.
 */

export const UPLOAD_PREFIX = "courts/";

export const SUPPORTED_MEDIA_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/tiff"] as const;
export type SupportedMediaType = (typeof SUPPORTED_MEDIA_TYPES)[number];

const EXTENSION_TYPES: Record<string, SupportedMediaType> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  tif: "image/tiff",
  tiff: "image/tiff",
};

export const COURT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const UPLOAD_ID_PATTERN = /^[0-9a-f-]{36}$/;
const MAX_FILE_NAME_BYTES = 200;

export interface UploadKey {
  courtId: string;
  /** yyyy-mm-dd (UTC) of the upload request. */
  uploadDate: string;
  uploadId: string;
  fileName: string;
}

/** Media type of a file from its declared content type, else its extension; null when unsupported. */
export function mediaTypeOf(fileName: string, declared: string | undefined): SupportedMediaType | null {
  const type = declared?.split(";")[0]?.trim().toLowerCase();
  if (type && (SUPPORTED_MEDIA_TYPES as readonly string[]).includes(type)) return type as SupportedMediaType;
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  return EXTENSION_TYPES[extension] ?? null;
}

/**
 * A file name safe to put in a key: Unicode NFC (what Vietnamese keyboards usually produce, so the
 * same name always gives the same key), no path separators or control characters, at most 200 bytes.
 */
export function safeFileName(fileName: string): string {
  const cleaned = fileName
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[/\\]/g, "_")
    .trim()
    .replace(/^\.+/, "");
  return cleaned.length > 0 ? truncateUtf8(cleaned, MAX_FILE_NAME_BYTES) : "document";
}

/** The longest prefix of whole characters that fits in `maxBytes` of UTF-8. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

export function buildUploadKey(key: UploadKey): string {
  const [year, month, day] = key.uploadDate.split("-");
  return `${UPLOAD_PREFIX}${key.courtId}/${year}/${month}/${day}/${key.uploadId}/${key.fileName}`;
}

/** The prefix a court may write under on a given day, up to and including the upload id. */
export function uploadPrefix(key: Omit<UploadKey, "fileName">): string {
  return buildUploadKey({ ...key, fileName: "" });
}

/** Reads a decoded object key; null when it does not follow the upload layout. */
export function parseUploadKey(objectKey: string): UploadKey | null {
  const match = /^courts\/([^/]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/([^/]+)$/.exec(objectKey);
  if (!match) return null;
  const [, courtId, year, month, day, uploadId, fileName] = match as unknown as [string, string, string, string, string, string, string];
  if (!COURT_ID_PATTERN.test(courtId) || !UPLOAD_ID_PATTERN.test(uploadId)) return null;
  return { courtId, uploadDate: `${year}-${month}-${day}`, uploadId, fileName };
}

/**
 * S3 event notifications carry keys URL-encoded with `+` for spaces
 * ("B%E1%BA%A3n+%C3%A1n+12.pdf" is "Bản án 12.pdf"; a real `+` arrives as %2B).
 */
export function decodeEventKey(encodedKey: string): string {
  return decodeURIComponent(encodedKey.replace(/\+/g, " "));
}
