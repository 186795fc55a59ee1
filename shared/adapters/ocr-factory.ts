import { TextractClient } from "@aws-sdk/client-textract";
import { z } from "zod";
import type { AsyncOcrEngine, OcrEngine } from "#ports/ocr-engine.ts";
import { TextractOcrEngine } from "#adapters/aws/textract-ocr.ts";
import { TesseractOcrEngine, type TesseractOptions } from "#adapters/local/tesseract-ocr.ts";
import { OCR_ENGINES } from "#shared/config.ts";

export const OcrEngineName = z.enum(OCR_ENGINES);
export type OcrEngineName = z.infer<typeof OcrEngineName>;

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
export function ocrSettingsFromEnvironment(env: NodeJS.ProcessEnv, runtime: Runtime): OcrSettings {
  const parsed = OcrEnvironment.parse(env);
  const notification =
    parsed.TEXTRACT_SNS_TOPIC_ARN && parsed.TEXTRACT_SNS_ROLE_ARN
      ? { topicArn: parsed.TEXTRACT_SNS_TOPIC_ARN, roleArn: parsed.TEXTRACT_SNS_ROLE_ARN }
      : undefined;
  return {
    runtime,
    ...(parsed.OCR_ENGINE ? { engine: parsed.OCR_ENGINE } : {}),
    ...(notification ? { textract: { notification } } : {}),
  };
}
