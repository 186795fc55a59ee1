/**
 * A loopback proxy in front of one of the embedded servers (DynamoDB Local, the S3 server), for fault
 * tests: it passes every request through unchanged (the Host header too, so signatures still hold),
 * until told to throttle; then it answers each request as the AWS service answers when it sheds load,
 * and the SDK clients and the queues must cope.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ThrottledService = "dynamodb" | "s3";

/** The answer each service gives a throttled request (DynamoDB's JSON protocol, S3's REST XML). */
function throttle(service: ThrottledService, response: ServerResponse): void {
  if (service === "dynamodb") {
    response.writeHead(400, { "content-type": "application/x-amz-json-1.0", "x-amzn-errortype": "ProvisionedThroughputExceededException" });
    response.end(
      JSON.stringify({
        __type: "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
        message: "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.",
      }),
    );
  } else {
    response.writeHead(503, { "content-type": "application/xml" });
    response.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
  }
}

export interface FaultProxy {
  endpoint: string;
  /** Requests answered with the throttling error so far. */
  readonly throttled: number;
  /** Requests passed through so far. */
  readonly passed: number;
  /** Throttles every request from now until throttling(false). */
  throttling(on: boolean): void;
  stop(): Promise<void>;
}

export async function startFaultProxy(service: ThrottledService, target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let throttling = false;
  let throttled = 0;
  let passed = 0;
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    if (throttling) {
      throttled += 1;
      incoming.resume();
      throttle(service, response);
      return;
    }
    passed += 1;
    const outgoing = forward({ hostname: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    // The server behind is down (a fault test stopped it): the client sees the connection dropped, as it would without the proxy.
    outgoing.on("error", () => response.destroy());
    incoming.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get throttled() {
      return throttled;
    },
    get passed() {
      return passed;
    },
    throttling(on) {
      throttling = on;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
