import type { StackSession } from "../local/session.ts";
import { oneLine, type CliIo } from "./command.ts";

/** Errors of the local stack itself that a user can act on (Java missing, a port taken): their message is the advice. */
const ACTIONABLE = new Set(["JavaMissingError", "OcrEngineUnavailableError"]);

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
    if (error instanceof Error && ACTIONABLE.has(error.name)) {
      io.err(`thads: ${oneLine(error.message)}\n`);
      return 1;
    }
    throw error;
  }
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
