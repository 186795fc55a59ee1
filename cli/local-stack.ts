import { OcrEngineUnavailableError } from "#ports/ocr-engine.ts";
import type { StackSession } from "../local/session.ts";
import { oneLine, type CliIo } from "./command.ts";

/** Errors of the local stack itself that a user can act on (Java missing, Tesseract missing, the stack gone): their message is the advice. */
const isActionable = async (error: unknown): Promise<boolean> => {
  const [{ StackLostError, RedriveWhileRunningError }, { JavaMissingError }, { UnknownQueueError }] = await Promise.all([
    import("../local/session.ts"),
    import("../local/dynamodb-local.ts"),
    import("../local/stack.ts"),
  ]);
  return [JavaMissingError, OcrEngineUnavailableError, StackLostError, RedriveWhileRunningError, UnknownQueueError].some((kind) => error instanceof kind);
};

/**
 * Runs a command against the local stack: the one `npm start` runs, else one started for this
 * command (slower: DynamoDB Local takes a few seconds to start) and stopped after it.
 */
export async function withStackSession(io: CliIo, work: (session: StackSession) => Promise<number>): Promise<number> {
  const { openStackSession } = await import("../local/session.ts");
  let session: StackSession;
  try {
    session = await openStackSession();
  } catch (error) {
    if (!(error instanceof Error) || !(await isActionable(error))) throw error;
    io.err(`thads: ${oneLine(error.message)}\n`);
    return 1;
  }
  try {
    return await work(session);
  } catch (error) {
    if (!(error instanceof Error) || !(await isActionable(error))) throw error;
    io.err(`\nthads: ${oneLine(error.message)}\n`);
    return 1;
  } finally {
    await session.close();
  }
}
