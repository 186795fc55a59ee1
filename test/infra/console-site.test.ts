/**
 * The web console on AWS: its build in a private bucket behind CloudFront (origin access control,
 * HTTPS, security headers), with config.json naming the API and the user pool's client; its origin,
 * and only it (and any extra origin the deployment names), may call the API and use the presigned URLs.
 */
import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { CONSOLE_CORS } from "../../infra/topology.ts";
import { synthesizeApp } from "./synthesize.ts";

const EXTRA_ORIGIN = "https://thads.example.gov.vn";
// Bundling is skipped: all of this is in the templates, not in function code.
const { stateful, stateless } = synthesizeApp({ "aws:cdk:bundling-stacks": [], "thads:uploadOrigins": [EXTRA_ORIGIN] });

type Resource = { Properties: Record<string, unknown> };
const only = (template: typeof stateful.template, type: string): Resource => {
  const found = Object.values(template.findResources(type)) as Resource[];
  expect(found).toHaveLength(1);
  return found[0]!;
};
/** The distribution's domain as a cross-stack or same-stack reference, written into an origin. */
const namesConsoleDistribution = (origin: unknown) => expect(JSON.stringify(origin)).toMatch(/https:\/\/.*ConsoleDistribution/);

describe("web console on AWS", () => {
  it("serves the build from a private bucket through CloudFront's origin access control, over HTTPS, from Viet Nam", () => {
    const distribution = only(stateful.template, "AWS::CloudFront::Distribution").Properties.DistributionConfig as Record<string, unknown>;
    expect(distribution).toMatchObject({
      DefaultRootObject: "index.html",
      DefaultCacheBehavior: { ViewerProtocolPolicy: "redirect-to-https", AllowedMethods: ["GET", "HEAD"] },
      Restrictions: { GeoRestriction: { RestrictionType: "whitelist", Locations: ["VN"] } },
      Logging: expect.anything(),
    });
    stateful.template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    stateful.template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject" })]) },
    });
  });

  it("sends the security headers the local console server sends", () => {
    const headers = only(stateful.template, "AWS::CloudFront::ResponseHeadersPolicy").Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Record<string, unknown>> };
    const security = headers.SecurityHeadersConfig;
    expect(security.ContentSecurityPolicy?.ContentSecurityPolicy).toEqual(expect.stringContaining("script-src 'self'"));
    expect(security.ContentSecurityPolicy?.ContentSecurityPolicy).toEqual(expect.stringContaining("frame-ancestors 'none'"));
    expect(security.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 730 * 24 * 3600, IncludeSubdomains: true });
    expect(security.FrameOptions).toMatchObject({ FrameOption: "DENY" });
    expect(security.ReferrerPolicy).toMatchObject({ ReferrerPolicy: "no-referrer" });
    expect(security.ContentTypeOptions).toMatchObject({ Override: true });
  });

  it("deploys the build with a config.json naming the API and the user pool's console client", () => {
    const deployment = only(stateless.template, "Custom::CDKBucketDeployment").Properties;
    expect(deployment.DistributionPaths).toEqual(["/index.html", "/config.json"]);
    // config.json's values are deploy-time references: the API's endpoint and the console client's id
    const markers = JSON.stringify(deployment.SourceMarkers);
    expect(markers).toMatch(/"CaseApi[0-9A-F]{8}","ApiEndpoint"/);
    expect(markers).toMatch(/ConsoleClient/);
  });

  it("lets the console's origins call the HTTP API with a bearer token and an If-Match version, and read the ETag", () => {
    const cors = only(stateless.template, "AWS::ApiGatewayV2::Api").Properties.CorsConfiguration as Record<string, unknown[]>;
    expect(cors).toMatchObject({ AllowMethods: [...CONSOLE_CORS.api.allowMethods], AllowHeaders: [...CONSOLE_CORS.api.allowHeaders], ExposeHeaders: ["etag", "content-disposition"], MaxAge: CONSOLE_CORS.api.maxAgeSeconds });
    expect(cors.AllowOrigins).toHaveLength(2);
    namesConsoleDistribution(cors.AllowOrigins?.[0]);
    expect(cors.AllowOrigins?.[1]).toBe(EXTRA_ORIGIN);
  });

  it("lets the console's origins PUT uploads and GET originals with presigned URLs, nothing else", () => {
    const buckets = Object.values(stateful.template.findResources("AWS::S3::Bucket")) as Resource[];
    const withCors = buckets.filter((bucket) => bucket.Properties.CorsConfiguration !== undefined);
    expect(withCors).toHaveLength(1);
    const [rule] = (withCors[0]!.Properties.CorsConfiguration as { CorsRules: Record<string, unknown[]>[] }).CorsRules;
    expect(rule).toMatchObject({ AllowedMethods: ["GET", "PUT"], AllowedHeaders: [...CONSOLE_CORS.uploads.allowHeaders] });
    expect(rule?.AllowedOrigins).toHaveLength(2);
    expect(rule?.AllowedOrigins).toContain(EXTRA_ORIGIN);
    namesConsoleDistribution(rule?.AllowedOrigins?.find((origin) => origin !== EXTRA_ORIGIN));
  });
});
