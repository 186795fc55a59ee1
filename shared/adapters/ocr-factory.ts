import { TextractClient } from "@aws-sdk/client-textract";
import type { AsyncOcrEngine, OcrEngine } from "#ports/ocr-engine.ts";
import { TextractOcrEngine } from "#adapters/aws/textract-ocr.ts";
import { TesseractOcrEngine, type TesseractOptions } from "#adapters/local/tesseract-ocr.ts";

export type OcrEngineName = "tesseract" | "textract";

/** Where the code runs decides the default engine: Tesseract on a workstation, Textract on AWS. */
export type Runtime = "local" | "aws";

export interface OcrSettings {
  runtime: Runtime;
  /** Overrides the runtime's default. On AWS, "tesseract" needs a container-image Lambda with Tesseract installed. */
  engine?: OcrEngineName;
  tesseract?: TesseractOptions;
  textract?: {
    /** Defaults to a client for the ambient region and credentials. */
    client?: TextractClient;
    notification?: { topicArn: string; roleArn: string };
  };
}

export const defaultOcrEngine = (runtime: Runtime): OcrEngineName => (runtime === "aws" ? "textract" : "tesseract");

/**
 * Builds the configured OCR engine. Textract is fast to deploy but has no Vietnamese model (diacritics are
 * often lost); Tesseract with its Vietnamese data reads them, and can run on AWS in a container-image
 * Lambda (Debian base with tesseract-ocr, tesseract-ocr-vie, poppler-utils, libtiff-tools; 2-3 GB memory
 * for 2 vCPUs, a timeout of several minutes for long scans, OMP_THREAD_LIMIT=1 as this adapter sets).
 */
export function createOcrEngine(settings: OcrSettings): OcrEngine {
  const engine = settings.engine ?? defaultOcrEngine(settings.runtime);
  if (engine === "tesseract") return new TesseractOcrEngine(settings.tesseract);
  return new TextractOcrEngine({
    client: settings.textract?.client ?? new TextractClient({}),
    ...(settings.textract?.notification ? { notification: settings.textract.notification } : {}),
  });
}

/** Engines that can also run long jobs in the background (Textract); the others recognise every page in the call. */
export function isAsyncOcrEngine(engine: OcrEngine): engine is AsyncOcrEngine {
  return "startJob" in engine && "collectJob" in engine;
}
