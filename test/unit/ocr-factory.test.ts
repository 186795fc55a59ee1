import { TextractClient } from "@aws-sdk/client-textract";
import { describe, expect, it } from "vitest";
import { createOcrEngine, isAsyncOcrEngine } from "#adapters/ocr-factory.ts";

const client = new TextractClient({ region: "ap-southeast-1" });
const topicArn = "arn:aws:sns:ap-southeast-1:111122223333:textract-done";
const roleArn = "arn:aws:iam::111122223333:role/textract-publish";

describe("choosing the OCR engine from configuration", () => {
  it("uses Tesseract on a workstation and Textract on AWS unless told otherwise", () => {
    expect(createOcrEngine({ runtime: "local" }).name).toBe("tesseract");
    expect(createOcrEngine({ runtime: "aws", textract: { client } }).name).toBe("textract");
  });

  it("runs Tesseract on AWS when configured to (container-image Lambda), which recognises in the call", () => {
    const engine = createOcrEngine({ runtime: "aws", engine: "tesseract" });
    expect(engine.name).toBe("tesseract");
    expect(isAsyncOcrEngine(engine)).toBe(false);
  });

  it("gives Textract its SNS topic and role, for background jobs", () => {
    expect(isAsyncOcrEngine(createOcrEngine({ runtime: "aws", textract: { client, notification: { topicArn, roleArn } } }))).toBe(true);
  });
});
