/**
 * The OCR engine intake uses on AWS.
 *
 * MERGE: return the TextractOcrEngine from ./textract-ocr.ts (OCR branch), built on `textract` from
 * ./clients.ts with this notification channel. Until then every call fails loudly, so an
 * unmerged deployment never records an unread document as a case.
 */
import type { AsyncOcrEngine } from "../../ports/ocr-engine.ts";

export class OcrEngineNotWiredError extends Error {
  override name = "OcrEngineNotWiredError";
  constructor() {
    super("the Textract OCR adapter is not wired into shared/adapters/aws/ocr-engine.ts yet");
  }
}

/** `notification` is where Textract reports asynchronous jobs; only intake, which starts them, passes it. */
export function textractOcrEngine(notification?: { topicArn: string; roleArn: string }): AsyncOcrEngine {
  void notification;
  const fail = async (): Promise<never> => {
    throw new OcrEngineNotWiredError();
  };
  return { name: "textract", recognize: fail, startJob: fail, collectJob: fail };
}
