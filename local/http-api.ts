/**
 * The case API on localhost: each request becomes the API Gateway (HTTP API, payload 2.0) event the
 * route's function receives on AWS, and the function's result becomes the response. The routes and
 * functions are those of infra/constructs/case-api.ts.
 *
 * API Gateway authorises every route with a JWT authoriser on the user pool; locally `authorize`
 * (local/jwt-authorizer.ts) checks the bearer token at the same point, answers 401 without a valid
 * one, and puts the verified claims where API Gateway puts them. Beside the routes it serves the
 * identity provider's own endpoints (`endpoints`: sign-in and the JWKS), which on AWS Cognito serves.
 *
 * CORS as the HTTP API's corsPreflight configures it: the web console's origin, and only it, may call
 * (the console is served on its own port, a separate origin, as CloudFront is on AWS).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { reason } from "#domain/review-reasons.ts";
import type { Authorizer, JwtClaims } from "./jwt-authorizer.ts";
import { CONSOLE_CORS } from "../infra/topology.ts";
import { invoke } from "./lambda.ts";
import { keepIdleConnections } from "./net.ts";

const ACCOUNT = "000000000000";
const MAX_BODY_BYTES = 1024 * 1024;
/** Connections waiting to be accepted (the kernel caps it at net.core.somaxconn). */
const ACCEPT_BACKLOG = 2048;

export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface Route {
  method: "GET" | "POST" | "PATCH";
  /** API Gateway route path, e.g. /cases/{caseId}. */
  path: string;
  functionName: string;
  handler: () => Promise<HttpHandler>;
}

/** A request the server answers itself, outside the API's routes and its authoriser (the identity provider's endpoints). */
export interface Endpoint {
  method: "GET" | "POST";
  path: string;
  answer: (body: string) => Promise<{ statusCode: number; body: unknown }>;
}

/** A request refused before it reaches a function, as API Gateway refuses it. */
class RequestRefusedError extends Error {
  constructor(
    readonly statusCode: number,
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

function decodePathParameter(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new RequestRefusedError(400, "InvalidRequestError", "the path holds a malformed percent escape");
  }
}

function match(route: Route, method: string, path: string): Record<string, string> | null {
  if (route.method !== method) return null;
  const names: string[] = [];
  const pattern = new RegExp(`^${route.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
  const found = pattern.exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, index) => [name, decodePathParameter(found[index + 1] ?? "")]));
}

/** The event API Gateway would send for this request. */
export function apiGatewayEvent(request: { method: string; url: URL; headers: IncomingMessage["headers"]; body: string }, route: Route, pathParameters: Record<string, string>, claims: JwtClaims): APIGatewayProxyEventV2 {
  const now = new Date();
  const routeKey = `${route.method} ${route.path}`;
  const headers = Object.fromEntries(
    Object.entries(request.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name.toLowerCase(), Array.isArray(value) ? value.join(",") : value]])),
  );
  const query = new Map<string, string[]>();
  for (const [name, value] of request.url.searchParams) query.set(name, [...(query.get(name) ?? []), value]);
  return {
    version: "2.0",
    routeKey,
    rawPath: request.url.pathname,
    rawQueryString: request.url.search.slice(1),
    headers,
    ...(query.size > 0 && { queryStringParameters: Object.fromEntries([...query].map(([name, values]) => [name, values.join(",")])) }),
    ...(Object.keys(pathParameters).length > 0 && { pathParameters }),
    requestContext: {
      accountId: ACCOUNT,
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: "local",
      http: { method: request.method, path: request.url.pathname, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: headers["user-agent"] ?? "" },
      requestId: randomUUID(),
      routeKey,
      stage: "$default",
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: { jwt: { claims, scopes: null }, principalId: "", integrationLatency: 0 },
    } as unknown as APIGatewayProxyEventV2["requestContext"],
    ...(request.body !== "" && { body: request.body }),
    isBase64Encoded: false,
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestRefusedError(413, "PayloadTooLargeError", `the request body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The CORS headers of a response to `origin`: none unless it is the allowed origin. */
function corsHeaders(origin: string | undefined, allowedOrigin: string | undefined, preflight: boolean): Record<string, string> {
  const CORS = CONSOLE_CORS.api;
  if (allowedOrigin === undefined || origin !== allowedOrigin) return allowedOrigin === undefined ? {} : { vary: "origin" };
  return {
    "access-control-allow-origin": origin,
    vary: "origin",
    ...(preflight
      ? { "access-control-allow-methods": CORS.allowMethods.join(", "), "access-control-allow-headers": CORS.allowHeaders.join(", "), "access-control-max-age": String(CORS.maxAgeSeconds) }
      : { "access-control-expose-headers": CORS.exposeHeaders.join(", ") }),
  };
}

export interface HttpApi {
  url: string;
  stop(): Promise<void>;
}

/** Serves the routes on 127.0.0.1 (`port` 0 picks a free one). */
export async function startHttpApi(options: { routes: readonly Route[]; port: number; authorize: Authorizer; endpoints?: readonly Endpoint[]; allowedOrigin?: string }): Promise<HttpApi> {
  const server: Server = createServer((request, response) => {
    const method = request.method ?? "GET";
    const origin = request.headers.origin;
    if (method === "OPTIONS" && typeof request.headers["access-control-request-method"] === "string") {
      response.writeHead(204, corsHeaders(origin, options.allowedOrigin, true)).end();
      return;
    }
    const respond = (statusCode: number, body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }) => {
      if (response.headersSent) response.destroy();
      else response.writeHead(statusCode, { ...headers, ...corsHeaders(origin, options.allowedOrigin, false) }).end(body);
    };
    void (async () => {
      let routeKey = method;
      try {
        const url = new URL(request.url ?? "/", "http://localhost");
        const endpoint = options.endpoints?.find((candidate) => candidate.method === method && candidate.path === url.pathname);
        if (endpoint) {
          const answer = await endpoint.answer(await readBody(request));
          respond(answer.statusCode, JSON.stringify(answer.body), { "content-type": "application/json", "cache-control": "no-store" });
          return;
        }
        const found = options.routes.map((route) => ({ route, parameters: match(route, method, url.pathname) })).find((candidate) => candidate.parameters !== null);
        if (!found?.parameters) {
          respond(404, JSON.stringify({ error: "NotFound", message: `no route ${method} ${url.pathname}` }));
          return;
        }
        routeKey = `${found.route.method} ${found.route.path}`;
        const claims = await options.authorize(request.headers.authorization);
        if (claims === null) {
          const refusal = reason("auth.unauthenticated", {});
          respond(401, JSON.stringify({ error: "Unauthorized", ...refusal }), { "content-type": "application/json", "www-authenticate": "Bearer" });
          return;
        }
        const event = apiGatewayEvent({ method, url, headers: request.headers, body: await readBody(request) }, found.route, found.parameters, claims);
        const handler = await found.route.handler();
        const result = await invoke(handler, event, found.route.functionName, 30_000);
        const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]));
        // as API Gateway does, a base64-encoded result body goes out as its bytes
        respond(result.statusCode ?? 200, result.isBase64Encoded ? Buffer.from(result.body ?? "", "base64") : (result.body ?? ""), headers);
      } catch (error) {
        if (error instanceof RequestRefusedError) {
          respond(error.statusCode, JSON.stringify({ error: error.name, message: error.message }), { "content-type": "application/json", connection: "close" });
          return;
        }
        // the route, never the path or body: those may carry names
        process.stderr.write(`local case API: ${routeKey} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
        respond(500, JSON.stringify({ error: "InternalError", message: "internal error" }));
      }
    })();
  });
  // 1,000 uploads at once (bench/load.ts) met ECONNRESET on 146 requests: connections beyond the default
  // accept backlog (511) while the busy process accepted late, and keep-alive connections closed after 5 idle seconds.
  keepIdleConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, host: "127.0.0.1", backlog: ACCEPT_BACKLOG }, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
