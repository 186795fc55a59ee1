/** The OCR engine intake uses on AWS: Textract, through the module's client (whose endpoint the local stack may redirect). */
import type { AsyncOcrEngine } from "../../ports/ocr-engine.ts";
import { textract } from "./clients.ts";
import { TextractOcrEngine } from "./textract-ocr.ts";

/** `notification` is where Textract reports asynchronous jobs; only intake, which starts them, passes it. */
export function textractOcrEngine(notification?: { topicArn: string; roleArn: string }): AsyncOcrEngine {
  return new TextractOcrEngine({ client: textract, ...(notification && { notification }) });
}
