import "../support/lambda-env.ts";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { handler } from "../../functions/create-upload-url/handler.ts";
import { lambdaContext, loadEvent, withClaims } from "../support/events.ts";
import { capturedLogs } from "../support/logs.ts";

capturedLogs();

function request(options: { claims?: Record<string, string | undefined>; body?: Record<string, unknown> } = {}): APIGatewayProxyEventV2 {
  const event = withClaims(loadEvent<APIGatewayProxyEventV2>("http-create-upload-url"), options.claims ?? {});
  if (options.body) event.body = JSON.stringify({ ...JSON.parse(event.body ?? "{}"), ...options.body });
  return event;
}

async function call(event: APIGatewayProxyEventV2) {
  const response = (await handler(event as never, lambdaContext())) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, body: JSON.parse(String(response.body)) as Record<string, any> };
}

describe("create-upload-url", () => {
  it("signs a PUT into the calling court's own prefix, binding content type, exact size and no overwrite", async () => {
    const { status, body } = await call(request());

    expect(status).toBe(200);
    expect(body.key).toMatch(new RegExp(`^courts/tand-phu-ly/\\d{4}/\\d{2}/\\d{2}/${body.uploadId}/Bản án số 12-2017-DS-ST\\.pdf$`));
    const url = new URL(body.upload.url);
    expect(url.hostname).toBe("thads-uploads.s3.ap-southeast-1.amazonaws.com");
    expect(decodeURIComponent(url.pathname.slice(1))).toBe(body.key);
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;content-type;host;if-none-match");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("900");
    expect(body.upload).toMatchObject({ method: "PUT", headers: { "content-type": "application/pdf", "content-length": "48213", "if-none-match": "*" } });
  });

  it("keeps a path in the file name from escaping the upload folder", async () => {
    const { body } = await call(request({ body: { fileName: "../../courts/tand-khac/Bản án.pdf" } }));

    expect(body.key).toBe(`courts/tand-phu-ly/${body.key.split("/").slice(2, 5).join("/")}/${body.uploadId}/_.._courts_tand-khac_Bản án.pdf`);
  });

  it.each([
    ["staff", { "cognito:groups": "[staff]", "custom:courtId": undefined, "custom:unitId": "ha-nam-phu-ly" }],
    ["a leader", { "cognito:groups": "[leader]", "custom:courtId": undefined }],
    ["a court user without a court id", { "custom:courtId": undefined }],
  ])("refuses %s (403): only a court's users upload", async (_, claims) => {
    const { status, body } = await call(request({ claims }));

    expect(status).toBe(403);
    expect(body.error).toBe("ForbiddenError");
  });

  it("refuses files over the size limit before signing anything", async () => {
    const { status, body } = await call(request({ body: { sizeBytes: 50 * 1024 * 1024 + 1 } }));

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "request.size", message: "Dung lượng tệp (sizeBytes) phải từ 1 đến 52428800 byte" });
  });

  it("refuses document types intake cannot read", async () => {
    const { status } = await call(request({ body: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } }));

    expect(status).toBe(400);
  });

  it("says which field is wrong when the body does not fit", async () => {
    const { status, body } = await call(request({ body: { sizeBytes: "large" } }));

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "ParseError", message: expect.stringContaining("sizeBytes") });
  });
});
