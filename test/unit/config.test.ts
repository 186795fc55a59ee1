import { describe, expect, it } from "vitest";
import { agencyFor } from "#domain/agency-directory.ts";
import { loadConfig, loadEndpoints } from "#shared/config.ts";
import { ConfigurationError } from "#shared/errors.ts";

const directory = [
  { courtId: "tand-phu-ly", agencyId: "cthads-ha-nam", from: "2019-01-01", until: "2025-06-30" },
  { courtId: "tand-phu-ly", agencyId: "thads-ninh-binh", from: "2025-07-01" },
];

describe("configuration", () => {
  it("parses a function's settings into typed values", () => {
    const config = loadConfig("ingest-document", {
      CASES_TABLE: "cases",
      IDEMPOTENCY_TABLE: "idempotency",
      TEXTRACT_TOPIC_ARN: "arn:aws:sns:ap-southeast-1:111122223333:textract",
      TEXTRACT_ROLE_ARN: "arn:aws:iam::111122223333:role/textract",
      UPLOAD_MAX_BYTES: "1048576",
      AGENCY_DIRECTORY: JSON.stringify(directory),
    });

    expect(config.UPLOAD_MAX_BYTES).toBe(1_048_576);
    expect(config.AGENCY_DIRECTORY).toEqual(directory);
  });

  it("fails naming every missing or invalid setting, without echoing values", () => {
    const load = () => loadConfig("create-upload-url", { UPLOADS_BUCKET: "uploads", UPLOAD_MAX_BYTES: "-5", COURT_ROLE_PREFIX: "secret value!" });

    expect(load).toThrow(ConfigurationError);
    expect(load).toThrow("create-upload-url: missing or invalid settings: UPLOAD_MAX_BYTES, UPLOAD_URL_TTL_SECONDS, COURT_ROLE_PREFIX");
    expect(load).not.toThrow(/secret value/);
  });

  it("rejects an agency directory that is not a JSON list of assignments", () => {
    expect(() => loadConfig("complete-textract-job", { CASES_TABLE: "c", IDEMPOTENCY_TABLE: "i", UPLOAD_MAX_BYTES: "10", AGENCY_DIRECTORY: "{not json" })).toThrow(/AGENCY_DIRECTORY/);
  });

  it("reads local endpoints only when set, and needs a region", () => {
    expect(loadEndpoints({ AWS_REGION: "ap-southeast-1" })).toEqual({ AWS_REGION: "ap-southeast-1" });
    expect(loadEndpoints({ AWS_REGION: "local", DYNAMODB_ENDPOINT: "http://127.0.0.1:8000", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" })).toMatchObject({ S3_FORCE_PATH_STYLE: true });
    expect(() => loadEndpoints({})).toThrow(/AWS_REGION/);
  });
});

describe("agency directory", () => {
  it("sends a court's judgments to the agency responsible on the day they arrive", () => {
    expect(agencyFor("tand-phu-ly", "2025-06-30", directory)).toBe("cthads-ha-nam");
    expect(agencyFor("tand-phu-ly", "2025-07-01", directory)).toBe("thads-ninh-binh");
    expect(agencyFor("tand-duy-tien", "2025-07-01", directory)).toBeNull();
  });
});
