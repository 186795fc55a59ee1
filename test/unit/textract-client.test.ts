import "../support/lambda-env.ts";
import { DetectDocumentTextCommand } from "@aws-sdk/client-textract";
import { describe, expect, it } from "vitest";
import { buildTextractClient } from "#adapters/aws/client-builders.ts";
import { TextractOcrEngine } from "#adapters/aws/textract-ocr.ts";

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}) => ({
  response: { statusCode, headers: { "content-type": "application/x-amz-json-1.1", ...headers }, body: new TextEncoder().encode(JSON.stringify(body)) },
});

const THROTTLED = [
  json(400, { __type: "ThrottlingException", message: "Rate exceeded" }, { "x-amzn-errortype": "ThrottlingException" }),
  json(400, { __type: "ProvisionedThroughputExceededException", message: "Provisioned rate exceeded" }, { "x-amzn-errortype": "ProvisionedThroughputExceededException" }),
];

/** Throttled `times` times (each kind once, at most two), then the answer: what a busy account sees. */
function throttledThenAnswered(times: 1 | 2) {
  const answers = [
    ...THROTTLED.slice(0, times),
    json(200, { DocumentMetadata: { Pages: 1 }, Blocks: [{ BlockType: "PAGE" }, { BlockType: "LINE", Text: "QUYẾT ĐỊNH", Confidence: 99 }] }),
  ];
  const served = { requests: 0 };
  const client = buildTextractClient(
    { AWS_REGION: "ap-southeast-1" },
    {
      credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "example" },
      requestHandler: { handle: async () => answers[served.requests++] as never },
    },
  );
  return { client, served };
}

describe("Textract client", () => {
  it("retries throttled calls until Textract answers", async () => {
    const { client, served } = throttledThenAnswered(2);

    const output = await client.send(new DetectDocumentTextCommand({ Document: { Bytes: new Uint8Array([1, 2, 3]) } }));

    expect(served.requests).toBe(3);
    expect(output.Blocks?.[1]?.Text).toBe("QUYẾT ĐỊNH");
  });

  it("is the one retry layer under the OCR adapter, which gets the text after the throttling", async () => {
    const { client, served } = throttledThenAnswered(1);
    const photo = { name: "ban-an.jpg", mediaType: "image/jpeg" as const, bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) };

    const [page] = await new TextractOcrEngine({ client }).recognize(photo);

    expect(page?.lines.map((line) => line.text)).toEqual(["QUYẾT ĐỊNH"]);
    expect(served.requests).toBe(2);
  });
});
