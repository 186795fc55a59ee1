import { reason } from "../domain/review-reasons.ts";
import { COURT_ID_PATTERN, buildUploadKey, mediaTypeOf, safeFileName } from "../domain/upload-key.ts";
import { ForbiddenError, InvalidRequestError } from "../errors.ts";
import type { ObjectStore, PresignedRequest } from "../ports/object-store.ts";

export interface UploadUrlInput {
  courtId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface UploadUrlDependencies {
  objects: ObjectStore;
  bucket: string;
  maxBytes: number;
  expiresInSeconds: number;
  newUploadId: () => string;
  now: () => Date;
}

export interface UploadUrl {
  uploadId: string;
  key: string;
  upload: PresignedRequest;
}

/**
 * Gives a court a URL to upload one document into its own prefix. Courts never get bucket access:
 * the URL allows one PUT, of the declared type and exact size, to one key under
 * courts/<its court id>/, until it expires.
 */
export async function createUploadUrl(input: UploadUrlInput, deps: UploadUrlDependencies): Promise<UploadUrl> {
  if (!COURT_ID_PATTERN.test(input.courtId)) throw new ForbiddenError(reason("request.not-court-uploader", {}));
  const mediaType = mediaTypeOf("", input.contentType);
  if (!mediaType) throw new InvalidRequestError(reason("request.content-type", {}));
  if (input.sizeBytes < 1 || input.sizeBytes > deps.maxBytes) {
    throw new InvalidRequestError(reason("request.size", { maxBytes: deps.maxBytes }));
  }
  const uploadId = deps.newUploadId();
  const key = buildUploadKey({
    courtId: input.courtId,
    uploadDate: deps.now().toISOString().slice(0, 10),
    uploadId,
    fileName: safeFileName(input.fileName),
  });
  const upload = await deps.objects.createUploadUrl({
    bucket: deps.bucket,
    key,
    contentType: mediaType,
    sizeBytes: input.sizeBytes,
    expiresInSeconds: deps.expiresInSeconds,
  });
  return { uploadId, key, upload };
}
