import "../support/lambda-env.ts";
import { DetectDocumentTextCommand } from "@aws-sdk/client-textract";
import { describe, expect, it } from "vitest";
import { buildTextractClient } from "#adapters/aws/clients.ts";

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}) => ({
  response: { statusCode, headers: { "content-type": "application/x-amz-json-1.1", ...headers }, body: new TextEncoder().encode(JSON.stringify(body)) },
});

describe("Textract client", () => {
  it("retries throttled calls until Textract answers", async () => {
    const answers = [
      json(400, { __type: "ThrottlingException", message: "Rate exceeded" }, { "x-amzn-errortype": "ThrottlingException" }),
      json(400, { __type: "ProvisionedThroughputExceededException", message: "Provisioned rate exceeded" }, { "x-amzn-errortype": "ProvisionedThroughputExceededException" }),
      json(200, { DocumentMetadata: { Pages: 1 }, Blocks: [{ BlockType: "LINE", Text: "QUYẾT ĐỊNH", Confidence: 99 }] }),
    ];
    let requests = 0;
    const textract = buildTextractClient(
      { AWS_REGION: "ap-southeast-1" },
      {
        credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "example" },
        requestHandler: { handle: async () => answers[requests++] as never },
      },
    );

    const output = await textract.send(new DetectDocumentTextCommand({ Document: { Bytes: new Uint8Array([1, 2, 3]) } }));

    expect(requests).toBe(3);
    expect(output.Blocks?.[0]?.Text).toBe("QUYẾT ĐỊNH");
  });
});
