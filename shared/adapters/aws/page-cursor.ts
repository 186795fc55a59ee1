/**
 * Paging cursors of the DynamoDB repositories: where a page resumes, as base64url JSON opaque to
 * callers. A cursor this API did not hand out is refused as a bad request (400), never a server error.
 */
import type { z } from "zod";
import { reason } from "../../domain/review-reasons.ts";
import { InvalidRequestError } from "../../errors.ts";

export function encodeCursor(cursor: unknown): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor `text` holds, read by `schema`; InvalidRequestError when it is not one (or `accepts` refuses it). */
export function decodeCursor<S extends z.ZodType>(text: string, schema: S, accepts: (cursor: z.output<S>) => boolean = () => true): z.output<S> {
  let cursor: z.output<S>;
  try {
    cursor = schema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    throw new InvalidRequestError(reason("request.cursor", {}));
  }
  if (!accepts(cursor)) throw new InvalidRequestError(reason("request.cursor", {}));
  return cursor;
}
