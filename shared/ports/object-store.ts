import type { StoredObject } from "./ocr-engine.ts";

/** A stored object read whole, with what the store knows about it. */
export interface FetchedObject {
  /** The exact version read (S3 version id when the bucket is versioned). */
  ref: StoredObject;
  bytes: Uint8Array;
  contentType: string | undefined;
  sizeBytes: number;
}

/** A request the caller makes directly to the store, authorised by its signature until `expiresAt`. */
export interface PresignedRequest {
  method: "PUT" | "GET";
  url: string;
  /** Headers the caller must send unchanged: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface UploadUrlRequest {
  bucket: string;
  key: string;
  contentType: string;
  /** The exact size the upload must have; the store refuses any other. */
  sizeBytes: number;
  expiresInSeconds: number;
}

export interface DownloadUrlRequest {
  ref: StoredObject;
  /** The name a browser saves the file under. */
  fileName: string;
  expiresInSeconds: number;
}

/** Blob storage for originals and reports (S3 on AWS, an S3-compatible server locally). */
export interface ObjectStore {
  /** Reads an object; throws UnexpectedUploadError when it is larger than maxBytes, before reading the body. */
  get(ref: StoredObject, limits: { maxBytes: number }): Promise<FetchedObject>;
  put(ref: Omit<StoredObject, "versionId">, body: Uint8Array | string, contentType: string): Promise<void>;
  createUploadUrl(request: UploadUrlRequest): Promise<PresignedRequest>;
  createDownloadUrl(request: DownloadUrlRequest): Promise<PresignedRequest>;
}
