/** CORS for the web console on AWS: its origin, and only it, may call the API and use the upload and download URLs. */
import { Match } from "aws-cdk-lib/assertions";
import { describe, it } from "vitest";
import { CONSOLE_CORS } from "../../infra/topology.ts";
import { synthesizeApp } from "./synthesize.ts";

const CONSOLE = "https://d111111abcdef8.cloudfront.net";
// Bundling is skipped: CORS is in the templates, not in function code.
const { stateful, stateless } = synthesizeApp({ "aws:cdk:bundling-stacks": [], "thads:uploadOrigins": [CONSOLE] });

describe("console CORS on AWS", () => {
  it("lets the console's origin call the HTTP API with a bearer token and an If-Match version, and read the ETag", () => {
    stateless.template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: {
        AllowOrigins: [CONSOLE],
        AllowMethods: [...CONSOLE_CORS.api.allowMethods],
        AllowHeaders: [...CONSOLE_CORS.api.allowHeaders],
        ExposeHeaders: ["etag"],
        MaxAge: CONSOLE_CORS.api.maxAgeSeconds,
      },
    });
  });

  it("lets the console's origin PUT uploads and GET originals with presigned URLs, nothing else", () => {
    stateful.template.hasResourceProperties("AWS::S3::Bucket", {
      CorsConfiguration: { CorsRules: [{ AllowedOrigins: [CONSOLE], AllowedMethods: ["GET", "PUT"], AllowedHeaders: Match.arrayWith(["if-none-match"]) }] },
    });
  });
});
