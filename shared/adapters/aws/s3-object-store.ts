import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { foldText } from "../../domain/search-keys.ts";
import { UnexpectedUploadError } from "../../errors.ts";
import type { StoredObject } from "../../ports/ocr-engine.ts";
import type { DownloadUrlRequest, FetchedObject, ObjectStore, PresignedRequest, UploadUrlRequest } from "../../ports/object-store.ts";

/** ObjectStore on S3 (or any S3-compatible server the client points at). */
export class S3ObjectStore implements ObjectStore {
  constructor(private readonly client: S3Client) {}

  async get(ref: StoredObject, limits: { maxBytes: number }): Promise<FetchedObject> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key, VersionId: ref.versionId }));
    const sizeBytes = response.ContentLength ?? 0;
    if (!response.Body) throw new UnexpectedUploadError("object has no body");
    if (sizeBytes > limits.maxBytes) {
      response.Body.transformToWebStream().cancel().catch(() => undefined);
      throw new UnexpectedUploadError(`object is ${sizeBytes} bytes, over the ${limits.maxBytes} byte limit`);
    }
    const bytes = await response.Body.transformToByteArray();
    return {
      ref: { bucket: ref.bucket, key: ref.key, ...(response.VersionId !== undefined && { versionId: response.VersionId }) },
      bytes,
      contentType: response.ContentType,
      sizeBytes: bytes.length,
    };
  }

  async put(ref: Omit<StoredObject, "versionId">, body: Uint8Array | string, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: ref.bucket, Key: ref.key, Body: body, ContentType: contentType }));
  }

  /**
   * A presigned PUT whose signature covers Content-Type, Content-Length and `If-None-Match: *`: S3
   * refuses the upload unless type and size match what was declared (the size was checked against
   * the limit before signing), and refuses a second PUT on the same URL (412), so an original once
   * received is never replaced.
   */
  async createUploadUrl(request: UploadUrlRequest): Promise<PresignedRequest> {
    const command = new PutObjectCommand({
      Bucket: request.bucket,
      Key: request.key,
      ContentType: request.contentType,
      ContentLength: request.sizeBytes,
      IfNoneMatch: "*",
    });
    const url = await getSignedUrl(this.client, command, {
      expiresIn: request.expiresInSeconds,
      signableHeaders: new Set(["content-type", "content-length", "if-none-match"]),
    });
    return {
      method: "PUT",
      url,
      headers: { "content-type": request.contentType, "content-length": String(request.sizeBytes), "if-none-match": "*" },
      expiresAt: expiry(request.expiresInSeconds),
    };
  }

  async createDownloadUrl(request: DownloadUrlRequest): Promise<PresignedRequest> {
    const command = new GetObjectCommand({
      Bucket: request.ref.bucket,
      Key: request.ref.key,
      VersionId: request.ref.versionId,
      ResponseContentDisposition: attachment(request.fileName),
    });
    const url = await getSignedUrl(this.client, command, { expiresIn: request.expiresInSeconds });
    return { method: "GET", url, headers: {}, expiresAt: expiry(request.expiresInSeconds) };
  }
}

function expiry(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString();
}

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987), for Vietnamese file names. */
function attachment(fileName: string): string {
  const ascii = foldText(fileName).replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "document";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
