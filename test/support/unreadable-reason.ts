import { UnreadableDocumentError, type UnreadableReason } from "#domain/document/unreadable-document-error.ts";

/** The reason code a read was refused with; anything other than UnreadableDocumentError fails the test. */
export async function unreadableReason(work: Promise<unknown>): Promise<UnreadableReason> {
  const error: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof UnreadableDocumentError)) throw new Error(`expected UnreadableDocumentError, got ${String(error)}`);
  return error.reason;
}
