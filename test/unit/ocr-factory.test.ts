import { TextractClient } from "@aws-sdk/client-textract";
import { describe, expect, it } from "vitest";
import { createOcrEngine, isAsyncOcrEngine } from "#adapters/ocr-factory.ts";

const client = new TextractClient({ region: "ap-southeast-1" });
const topicArn = "arn:aws:sns:ap-southeast-1:111122223333:textract-done";
const roleArn = "arn:aws:iam::111122223333:role/textract-publish";

describe("choosing the OCR engine from configuration", () => {
  it("reads Vietnamese scans with Tesseract unless told otherwise, since Textract loses diacritics", () => {
    expect(createOcrEngine().name).toBe("tesseract");
    expect(isAsyncOcrEngine(createOcrEngine({}))).toBe(false);
  });

  it("keeps Textract as a choice", () => {
    expect(createOcrEngine({ engine: "textract", textract: { client } }).name).toBe("textract");
  });

  it("gives Textract its SNS topic and role, for background jobs", () => {
    expect(isAsyncOcrEngine(createOcrEngine({ engine: "textract", textract: { client, notification: { topicArn, roleArn } } }))).toBe(true);
  });
});
