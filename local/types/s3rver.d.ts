// The parts of the S3rver fork's API the local stack uses (the package ships no types).
declare module "@20minutes/s3rver" {
  import type { EventEmitter } from "node:events";
  import type { Server } from "node:http";
  import type { AddressInfo } from "node:net";

  export interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    vhostBuckets?: boolean;
    allowMismatchedSignatures?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  /** The S3 event notification S3rver emits after an object is written or deleted. */
  export interface S3rverEvent {
    Records: {
      eventName: string;
      eventTime: string;
      s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer: string } };
    }[];
  }

  /** The Koa context S3rver's middleware receive, as far as the local stack uses it. */
  export interface S3rverContext {
    method: string;
    /** The request URL as sent: path (percent-encoded) and query. */
    url: string;
    path: string;
    querystring: string;
    headers: import("node:http").IncomingHttpHeaders;
    status: number;
    type: string;
    body: unknown;
    store: { existsObject(bucket: string, key: string): Promise<boolean> };
  }

  export type S3rverMiddleware = (context: S3rverContext, next: () => Promise<void>) => Promise<void>;

  /** A Koa application. */
  export default class S3rver extends EventEmitter {
    /** Koa's middleware stack, in order; the last is S3rver's router. */
    middleware: S3rverMiddleware[];
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    /** The HTTP server run() started. */
    httpServer?: Server;
    close(): Promise<void>;
    on(event: "event", listener: (event: S3rverEvent) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
