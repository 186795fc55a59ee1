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

  export default class S3rver extends EventEmitter {
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    /** The HTTP server run() started. */
    httpServer?: Server;
    close(): Promise<void>;
    on(event: "event", listener: (event: S3rverEvent) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
