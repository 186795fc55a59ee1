/**
 * An S3-compatible server (the maintained fork of S3rver) on the loopback interface, whose
 * object-created notifications are turned into the S3 event records AWS delivers to the intake
 * queue: same fields, keys URL-encoded with `+` for spaces.
 *
 * S3rver keeps no object versions: a second upload under the same key replaces the first, and
 * events and cases carry no version id (the uploads bucket on AWS is versioned). As S3 does, it
 * refuses a PUT with `If-None-Match: *` to a key that exists (upload URLs are signed with it).
 *
 * Presigned URLs are checked with the AWS SDK's own signer: S3rver encodes query values with
 * encodeURIComponent rather than RFC 3986 when it checks a signature, so it refuses valid URLs whose
 * values hold ' ( ) * or ! (a download's `filename*=UTF-8''...`). Requests signed in the
 * Authorization header come from the stack's own clients; S3rver takes unsigned requests anyway.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import S3rver, { type S3rverContext, type S3rverEvent } from "@20minutes/s3rver";
import { S3Client } from "@aws-sdk/client-s3";
import { S3RequestPresigner } from "@aws-sdk/s3-request-presigner";
import { CONSOLE_CORS } from "../infra/topology.ts";
import { LOCAL_CREDENTIALS, REGION, silenceSdkNodeVersionNotice } from "./environment.ts";
import { keepIdleConnections } from "./net.ts";

/** The body S3 sends to an SQS destination for one object-created event. */
export interface S3EventNotification {
  Records: Record<string, unknown>[];
}

/** Encodes a key as S3 event notifications do: UTF-8 percent-encoding, `+` for a space, `/` kept. */
export function s3EventKey(key: string): string {
  return key
    .split("/")
    .map((segment) =>
      encodeURIComponent(segment)
        .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, "+"),
    )
    .join("/");
}

/** One object stored, as the S3 event notification tells of it. */
export interface ObjectCreated {
  bucket: string;
  key: string;
  size: number;
  eTag: string;
  sequencer: string;
  eventTime: string;
  /** e.g. ObjectCreated:Put */
  eventName: string;
}

/** The body S3 sends the intake queue for a stored object (also how the local stack's recovery sends an upload through intake again). */
export function objectCreatedNotification(object: ObjectCreated, configurationId: string): S3EventNotification {
  return {
    Records: [
      {
        eventVersion: "2.1",
        eventSource: "aws:s3",
        awsRegion: REGION,
        eventTime: object.eventTime,
        eventName: object.eventName,
        userIdentity: { principalId: "AWS:LOCAL" },
        requestParameters: { sourceIPAddress: "127.0.0.1" },
        responseElements: { "x-amz-request-id": object.sequencer, "x-amz-id-2": object.sequencer },
        s3: {
          s3SchemaVersion: "1.0",
          configurationId,
          bucket: { name: object.bucket, ownerIdentity: { principalId: "LOCAL" }, arn: `arn:aws:s3:::${object.bucket}` },
          object: { key: s3EventKey(object.key), size: object.size, eTag: object.eTag, sequencer: object.sequencer },
        },
      },
    ],
  };
}

function s3Error(context: S3rverContext, status: number, code: string, message: string): void {
  context.status = status;
  context.type = "application/xml";
  context.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

/** The query parameters that carry a presigned URL's signature, not part of what it signs. */
const SIGNATURE_PARAMETERS = new Set(["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"]);

/** 20240315T101500Z as a Date. */
const amzDate = (value: string): Date => new Date(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));

/** Whether a presigned (query-signed, SigV4) request carries the signature the SDK computes for it. */
async function presignedSignatureHolds(presigner: S3RequestPresigner, request: { method: string; url: string; headers: IncomingHttpHeaders }): Promise<boolean> {
  const [path = "/", search = ""] = request.url.split("?", 2);
  const parameters = new URLSearchParams(search);
  const signedHeaders = (parameters.get("X-Amz-SignedHeaders") ?? "").split(";").filter((name) => name !== "");
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name] ?? "")]));
  const query: Record<string, string> = {};
  for (const [name, value] of parameters) if (!SIGNATURE_PARAMETERS.has(name)) query[name] = value;
  const [host = "127.0.0.1", port] = (request.headers.host ?? "").split(":");
  const expected = await presigner.presign(
    { method: request.method, protocol: "http:", hostname: host, ...(port !== undefined && { port: Number(port) }), path, query, headers },
    { signingDate: amzDate(parameters.get("X-Amz-Date") ?? ""), expiresIn: Number(parameters.get("X-Amz-Expires")), signableHeaders: new Set(signedHeaders) },
  );
  return expected.query?.["X-Amz-Signature"] === parameters.get("X-Amz-Signature");
}

/** Checks presigned URLs and `If-None-Match: *` before S3rver's routes see the request. */
function s3Guards(presigner: S3RequestPresigner) {
  return async (context: S3rverContext, next: () => Promise<void>): Promise<void> => {
    // a CORS preflight carries the URL it asks about, but no signature of its own
    if (context.method !== "OPTIONS" && context.querystring.includes("X-Amz-Signature=") && !(await presignedSignatureHolds(presigner, { method: context.method, url: context.url, headers: context.headers }))) {
      s3Error(context, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
      return;
    }
    const [, bucket, ...key] = context.path.split("/");
    if (context.method === "PUT" && context.headers["if-none-match"] === "*" && bucket && key.length > 0) {
      if (await context.store.existsObject(decodeURIComponent(bucket), key.map(decodeURIComponent).join("/"))) {
        s3Error(context, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        return;
      }
    }
    await next();
  };
}

/** The uploads bucket's CORS rule (as CDK deploys it): the console's origin may PUT and GET objects with the headers a presigned upload signs. */
function corsConfiguration(origin: string): string {
  const { allowMethods, allowHeaders, maxAgeSeconds } = CONSOLE_CORS.uploads;
  const rule = [
    `<AllowedOrigin>${origin}</AllowedOrigin>`,
    ...allowMethods.map((method) => `<AllowedMethod>${method}</AllowedMethod>`),
    ...allowHeaders.map((header) => `<AllowedHeader>${header}</AllowedHeader>`),
    `<MaxAgeSeconds>${maxAgeSeconds}</MaxAgeSeconds>`,
  ].join("");
  return `<CORSConfiguration><CORSRule>${rule}</CORSRule></CORSConfiguration>`;
}

export interface S3ServerOptions {
  /** Objects are kept under this folder; null keeps them in a temporary folder removed on stop. */
  dataDir: string | null;
  buckets: readonly string[];
  /** A given port: a restart where the clients already point (fault tests); any free one by default. */
  port?: number;
  /** The web console's origin, let PUT uploads and GET originals by CORS (the buckets' CORS rules on AWS). */
  corsOrigin?: string;
  /** Where ObjectCreated events of `bucket` under `prefix` go (the CDK stack's bucket notification). */
  notify: { bucket: string; prefix: string; configurationId: string; send: (body: S3EventNotification) => void };
}

export interface S3Server {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startS3Server(options: S3ServerOptions): Promise<S3Server> {
  const directory = options.dataDir === null ? await mkdtemp(join(tmpdir(), "thads-s3-")) : resolve(options.dataDir);
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory,
    vhostBuckets: false,
    // presigned URLs are checked by s3Guards instead
    allowMismatchedSignatures: true,
    configureBuckets: options.buckets.map((name) => ({ name, ...(options.corsOrigin !== undefined && { configs: [corsConfiguration(options.corsOrigin)] }) })),
  });
  silenceSdkNodeVersionNotice();
  const signer = new S3Client({ region: REGION, credentials: LOCAL_CREDENTIALS });
  // before S3rver's router, its last middleware
  server.middleware.splice(server.middleware.length - 1, 0, s3Guards(new S3RequestPresigner({ ...signer.config })));
  server.on("event", (event: S3rverEvent) => {
    const { notify } = options;
    for (const record of event.Records) {
      if (record.eventName.startsWith("ObjectCreated:") && record.s3.bucket.name === notify.bucket && record.s3.object.key.startsWith(notify.prefix)) {
        const { object } = record.s3;
        const created = { bucket: record.s3.bucket.name, key: object.key, size: object.size ?? 0, eTag: object.eTag ?? "", sequencer: object.sequencer, eventTime: record.eventTime, eventName: record.eventName };
        notify.send(objectCreatedNotification(created, notify.configurationId));
      }
    }
  });
  const address = await server.run();
  keepIdleConnections(server.httpServer);
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await server.close();
      signer.destroy();
      if (options.dataDir === null) await rm(directory, { recursive: true, force: true });
    },
  };
}
