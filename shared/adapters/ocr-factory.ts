import { TextractClient } from "@aws-sdk/client-textract";
import type { AsyncOcrEngine, OcrEngine } from "#ports/ocr-engine.ts";
import { TextractOcrEngine } from "#adapters/aws/textract-ocr.ts";
import { TesseractOcrEngine, type TesseractOptions } from "#adapters/local/tesseract-ocr.ts";
import { bestIntTessdataDir } from "#adapters/local/tessdata.ts";
import type { OCR_ENGINES } from "#shared/config.ts";

export type OcrEngineName = (typeof OCR_ENGINES)[number];

export interface OcrSettings {
  /** DEFAULT_OCR_ENGINE when absent. On AWS Tesseract runs in the container-image page function (infra/ocr-image). */
  engine?: OcrEngineName;
  tesseract?: TesseractOptions;
  textract?: {
    /** Defaults to a client for the ambient region and credentials. */
    client?: TextractClient;
    notification?: { topicArn: string; roleArn: string };
  };
}

/**
 * Tesseract on a workstation and on AWS alike: Textract has no Vietnamese model and loses diacritics, which party
 * names then keep wrong. Textract stays a choice (OCR_ENGINE=textract) for English annexes or a province that prefers it.
 */
export const DEFAULT_OCR_ENGINE: OcrEngineName = "tesseract";

/** Builds the configured OCR engine. */
export function createOcrEngine(settings: OcrSettings = {}): OcrEngine {
  const engine = settings.engine ?? DEFAULT_OCR_ENGINE;
  if (engine === "tesseract") return new TesseractOcrEngine({ tessdataDir: bestIntTessdataDir(), ...settings.tesseract });
  return new TextractOcrEngine({
    client: settings.textract?.client ?? new TextractClient({}),
    ...(settings.textract?.notification ? { notification: settings.textract.notification } : {}),
  });
}

/** Engines that can also run long jobs in the background (Textract); the others recognise every page in the call. */
export function isAsyncOcrEngine(engine: OcrEngine): engine is AsyncOcrEngine {
  return "startJob" in engine && "collectJob" in engine;
}
