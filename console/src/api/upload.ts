/** Sends one file with a presigned PUT, reporting progress (fetch cannot report an upload's progress). */
import type { PresignedRequest } from "./client.ts";
import { MESSAGES } from "../text.ts";

/** Headers the browser sets itself and refuses to be given; it sends the same value. */
const BROWSER_HEADERS = new Set(["content-length", "host"]);

export function putFile(request: PresignedRequest, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    for (const [name, value] of Object.entries(request.headers)) if (!BROWSER_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(xhr.status === 412 ? "Tệp này đã được gửi." : `HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new Error(MESSAGES.networkError));
    xhr.send(file);
  });
}

/** The media type the API accepts for a file, from its type or, when the browser gives none, its name. */
export function contentTypeOf(file: File): string {
  if (file.type !== "") return file.type;
  const extension = file.name.toLowerCase().split(".").pop() ?? "";
  return { pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", tif: "image/tiff", tiff: "image/tiff", txt: "text/plain" }[extension] ?? "application/octet-stream";
}
