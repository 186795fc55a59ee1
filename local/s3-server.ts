/**
 * An S3-compatible server (the maintained fork of S3rver) on the loopback interface, whose
 * object-created notifications are turned into the S3 event records AWS delivers to the intake
 * queue: same fields, keys URL-encoded with `+` for spaces.
 *
 * S3rver keeps no object versions: a second upload under the same key replaces the first, and
 * events and cases carry no version id (the uploads bucket on AWS is versioned).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import S3rver, { type S3rverEvent } from "@20minutes/s3rver";
import { keepIdleConnections } from "./net.ts";

const REGION = "ap-southeast-1";

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

function notification(record: S3rverEvent["Records"][number], configurationId: string): S3EventNotification {
  const { bucket, object } = record.s3;
  return {
    Records: [
      {
        eventVersion: "2.1",
        eventSource: "aws:s3",
        awsRegion: REGION,
        eventTime: record.eventTime,
        eventName: record.eventName,
        userIdentity: { principalId: "AWS:LOCAL" },
        requestParameters: { sourceIPAddress: "127.0.0.1" },
        responseElements: { "x-amz-request-id": object.sequencer, "x-amz-id-2": object.sequencer },
        s3: {
          s3SchemaVersion: "1.0",
          configurationId,
          bucket: { name: bucket.name, ownerIdentity: { principalId: "LOCAL" }, arn: `arn:aws:s3:::${bucket.name}` },
          object: { key: s3EventKey(object.key), size: object.size ?? 0, eTag: object.eTag ?? "", sequencer: object.sequencer },
        },
      },
    ],
  };
}

export interface S3ServerOptions {
  /** Objects are kept under this folder; null keeps them in a temporary folder removed on stop. */
  dataDir: string | null;
  buckets: readonly string[];
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
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  server.on("event", (event: S3rverEvent) => {
    const { notify } = options;
    for (const record of event.Records) {
      if (record.eventName.startsWith("ObjectCreated:") && record.s3.bucket.name === notify.bucket && record.s3.object.key.startsWith(notify.prefix)) {
        notify.send(notification(record, notify.configurationId));
      }
    }
  });
  const address = await server.run();
  keepIdleConnections(server.httpServer);
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await server.close();
      if (options.dataDir === null) await rm(directory, { recursive: true, force: true });
    },
  };
}
