import type { StackSession } from "../local/session.ts";
import { oneLine, type CliIo } from "./command.ts";

/** Errors of the local stack itself that a user can act on (Java missing, a port taken, the stack gone): their message is the advice. */
const ACTIONABLE = new Set(["JavaMissingError", "OcrEngineUnavailableError", "StackLostError"]);

const isActionable = (error: unknown): error is Error => error instanceof Error && ACTIONABLE.has(error.name);

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
    if (!isActionable(error)) throw error;
    io.err(`thads: ${oneLine(error.message)}\n`);
    return 1;
  }
  try {
    return await work(session);
  } catch (error) {
    if (!isActionable(error)) throw error;
    io.err(`\nthads: ${oneLine(error.message)}\n`);
    return 1;
  } finally {
    await session.close();
  }
}
