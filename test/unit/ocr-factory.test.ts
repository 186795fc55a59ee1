import { TextractClient } from "@aws-sdk/client-textract";
import { describe, expect, it } from "vitest";
import { createOcrEngine, isAsyncOcrEngine, ocrSettingsFromEnvironment } from "#adapters/ocr-factory.ts";

const client = new TextractClient({ region: "ap-southeast-1" });
const topicArn = "arn:aws:sns:ap-southeast-1:111122223333:textract-done";
const roleArn = "arn:aws:iam::111122223333:role/textract-publish";

describe("choosing the OCR engine from configuration", () => {
  it("reads Vietnamese scans with Tesseract unless told otherwise, since Textract loses diacritics", () => {
    expect(createOcrEngine().name).toBe("tesseract");
    expect(isAsyncOcrEngine(createOcrEngine(ocrSettingsFromEnvironment({})))).toBe(false);
  });

  it("keeps Textract as a choice", () => {
    expect(createOcrEngine({ ...ocrSettingsFromEnvironment({ OCR_ENGINE: "textract" }), textract: { client } }).name).toBe("textract");
  });

  it("gives Textract its SNS topic and role from the environment, for background jobs", () => {
    const settings = ocrSettingsFromEnvironment({ OCR_ENGINE: "textract", TEXTRACT_SNS_TOPIC_ARN: topicArn, TEXTRACT_SNS_ROLE_ARN: roleArn });
    expect(settings).toEqual({ engine: "textract", textract: { notification: { topicArn, roleArn } } });
    expect(isAsyncOcrEngine(createOcrEngine({ ...settings, textract: { ...settings.textract, client } }))).toBe(true);
  });

  it("refuses an unknown engine or half of the SNS settings at start-up", () => {
    expect(() => ocrSettingsFromEnvironment({ OCR_ENGINE: "abbyy" })).toThrow();
    expect(() => ocrSettingsFromEnvironment({ TEXTRACT_SNS_TOPIC_ARN: topicArn })).toThrow(/go together/);
  });
});
