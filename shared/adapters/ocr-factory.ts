import { TextractClient } from "@aws-sdk/client-textract";
import { z } from "zod";
import type { AsyncOcrEngine, OcrEngine } from "#ports/ocr-engine.ts";
import { TextractOcrEngine } from "#adapters/aws/textract-ocr.ts";
import { TesseractOcrEngine, type TesseractOptions } from "#adapters/local/tesseract-ocr.ts";
import { bestIntTessdataDir } from "#adapters/local/tessdata.ts";
import { OCR_ENGINES } from "#shared/config.ts";

export const OcrEngineName = z.enum(OCR_ENGINES);
export type OcrEngineName = z.infer<typeof OcrEngineName>;

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

const OcrEnvironment = z
  .object({
    OCR_ENGINE: OcrEngineName.optional(),
    TEXTRACT_SNS_TOPIC_ARN: z.string().startsWith("arn:").optional(),
    TEXTRACT_SNS_ROLE_ARN: z.string().startsWith("arn:").optional(),
  })
  .refine((env) => (env.TEXTRACT_SNS_TOPIC_ARN === undefined) === (env.TEXTRACT_SNS_ROLE_ARN === undefined), {
    message: "TEXTRACT_SNS_TOPIC_ARN and TEXTRACT_SNS_ROLE_ARN go together",
  });

/**
 * Reads the OCR settings from environment variables (OCR_ENGINE = tesseract | textract; TEXTRACT_SNS_TOPIC_ARN
 * and TEXTRACT_SNS_ROLE_ARN for Textract jobs). Parse once at cold start: a bad value fails there, not mid-request.
 */
export function ocrSettingsFromEnvironment(env: NodeJS.ProcessEnv): OcrSettings {
  const parsed = OcrEnvironment.parse(env);
  const notification =
    parsed.TEXTRACT_SNS_TOPIC_ARN && parsed.TEXTRACT_SNS_ROLE_ARN
      ? { topicArn: parsed.TEXTRACT_SNS_TOPIC_ARN, roleArn: parsed.TEXTRACT_SNS_ROLE_ARN }
      : undefined;
  return {
    ...(parsed.OCR_ENGINE ? { engine: parsed.OCR_ENGINE } : {}),
    ...(notification ? { textract: { notification } } : {}),
  };
}
