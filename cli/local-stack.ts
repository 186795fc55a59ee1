import { OcrEngineUnavailableError } from "#ports/ocr-engine.ts";
import type { StackSession } from "../local/session.ts";
import { oneLine, type CliIo } from "./command.ts";

/**
 * Runs a command against the local stack: the one `npm start` runs, else one started for this
 * command (slower: DynamoDB Local takes a few seconds to start) and stopped after it.
 */
export async function withStackSession(io: CliIo, work: (session: StackSession) => Promise<number>): Promise<number> {
  const [{ openStackSession }, { JavaMissingError }] = await Promise.all([import("../local/session.ts"), import("../local/dynamodb-local.ts")]);
  let session: StackSession;
  try {
    session = await openStackSession();
  } catch (error) {
    // Errors of the local stack itself that a user can act on (Java missing, Tesseract missing): their message is the advice.
    if (error instanceof JavaMissingError || error instanceof OcrEngineUnavailableError) {
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
