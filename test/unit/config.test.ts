import { describe, expect, it } from "vitest";
import { loadConfig, loadEndpoints } from "#shared/config.ts";
import { ConfigurationError } from "#shared/errors.ts";

describe("configuration", () => {
  it("parses a function's settings into typed values", () => {
    const config = loadConfig("ingest-document", {
      CASES_TABLE: "cases",
      MATTERS_TABLE: "matters",
      IDEMPOTENCY_TABLE: "idempotency",
      TEXTRACT_TOPIC_ARN: "arn:aws:sns:ap-southeast-1:111122223333:textract",
      TEXTRACT_ROLE_ARN: "arn:aws:iam::111122223333:role/textract",
      UPLOAD_MAX_BYTES: "1048576",
      OCR_ENGINE: "tesseract",
      OCR_PAGE_QUEUE_URL: "https://sqs.ap-southeast-1.amazonaws.com/111122223333/ocr-pages",
    });

    expect(config.UPLOAD_MAX_BYTES).toBe(1_048_576);
    expect(config.MATTERS_TABLE).toBe("matters");
    expect(config.OCR_ENGINE).toBe("tesseract");
  });

  it("fails naming every missing or invalid setting, without echoing values", () => {
    const load = () => loadConfig("create-upload-url", { UPLOADS_BUCKET: "uploads", UPLOAD_MAX_BYTES: "-5", UPLOAD_URL_TTL_SECONDS: "secret value!" });

    expect(load).toThrow(ConfigurationError);
    expect(load).toThrow("create-upload-url: missing or invalid settings: UPLOAD_MAX_BYTES, UPLOAD_URL_TTL_SECONDS");
    expect(load).not.toThrow(/secret value/);
  });

  it("accepts only the report schemes the report domain knows", () => {
    expect(loadConfig("apply-matter-changes", { ANALYTICS_TABLE: "a", REPORT_SCHEME: "calendar" }).REPORT_SCHEME).toBe("calendar");
    expect(() => loadConfig("roll-up-report", { ANALYTICS_TABLE: "a", REPORTS_BUCKET: "r", REPORT_SCHEME: "fiscal" })).toThrow(/REPORT_SCHEME/);
  });

  it("reads local endpoints only when set, and needs a region", () => {
    expect(loadEndpoints({ AWS_REGION: "ap-southeast-1" })).toEqual({ AWS_REGION: "ap-southeast-1" });
    expect(loadEndpoints({ AWS_REGION: "local", DYNAMODB_ENDPOINT: "http://127.0.0.1:8000", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" })).toMatchObject({ S3_FORCE_PATH_STYLE: true });
    expect(() => loadEndpoints({})).toThrow(/AWS_REGION/);
  });
});
