/**
 * The web console on AWS: its static build in a private bucket that only CloudFront reads (origin
 * access control), served over HTTPS with the security headers the local console server sends
 * (local/console-server.ts), and the console's origin allowed by the API's and the uploads bucket's CORS.
 */
import { Duration, Stack } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  GeoRestriction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { consoleContentSecurityPolicy } from "../topology.ts";

export interface ConsoleSiteProps {
  /** Holds the build (private; CloudFront reads it through origin access control). */
  files: IBucket;
  /** Where CloudFront's access logs go (a bucket that accepts CloudFront's log delivery). */
  logs: IBucket;
}

export class ConsoleSite extends Construct {
  readonly distribution: Distribution;
  /** https://<distribution domain>: the origin the API and the uploads bucket allow. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    // the API, Cognito, and the presigned upload and download URLs (virtual-hosted: <bucket>.s3.<region>); by
    // pattern, so that the uploads bucket's CORS can name this distribution without a reference back
    const objects = `https://*.s3.${region}.amazonaws.com`;
    const policy = consoleContentSecurityPolicy({ connect: [`https://*.execute-api.${region}.amazonaws.com`, `https://cognito-idp.${region}.amazonaws.com`, objects], images: [objects] });
    const headers = new ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: "THADS console: CSP, HSTS, no framing, no sniffing, no referrer",
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: policy, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
    this.distribution = new Distribution(this, "Distribution", {
      comment: "THADS web console",
      defaultRootObject: "index.html",
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(props.files),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      // the agencies and courts are in Viet Nam
      geoRestriction: GeoRestriction.allowlist("VN"),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.logs,
      logFilePrefix: "console/",
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
  }
}
