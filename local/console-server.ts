/**
 * Serves the built web console (dist/console) on 127.0.0.1, on its own port: a separate origin from
 * the API, as CloudFront and API Gateway are on AWS, so the browser applies the same CORS rules here.
 * `config.json` tells the console where the API is and how people sign in; every response carries
 * the security headers CloudFront's response headers policy adds.
 */
import { existsSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { join } from "node:path";
import sirv from "sirv";
import { consoleContentSecurityPolicy } from "../infra/topology.ts";
import { repositoryRoot } from "./paths.ts";

/** What config.json holds (console/src/config.ts reads it). */
export interface ConsoleConfig {
  apiUrl: string;
  auth: { mode: "local" } | { mode: "cognito"; region: string; clientId: string };
}

export interface ConsoleServer {
  url: string;
  /** The origin the API and the S3 server let call them (CORS). */
  origin: string;
  /** Sets what config.json answers, once the API's address is known. */
  configure(config: ConsoleConfig): void;
  stop(): Promise<void>;
}

/** Where `npm run build` puts the console. */
export const consoleBuildDir = (): string => join(repositoryRoot(), "dist", "console");

/** The console is not built: `npm run build` (or `npm ci`) builds it. */
export class ConsoleNotBuiltError extends Error {
  override name = "ConsoleNotBuiltError";
}

/** The headers of every response: the page may load only its own code, and talk only to the API and the object store. */
function securityHeaders(connectTo: readonly string[]): Record<string, string> {
  return {
    "content-security-policy": consoleContentSecurityPolicy({ connect: connectTo, images: connectTo }),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
  };
}

export async function startConsoleServer(options: { port: number; root?: string; connectTo: () => readonly string[] }): Promise<ConsoleServer> {
  const root = options.root ?? consoleBuildDir();
  if (!existsSync(join(root, "index.html"))) throw new ConsoleNotBuiltError(`bảng điều khiển chưa được dựng trong ${root}: chạy npm run build`);
  let config: ConsoleConfig | null = null;
  const withHeaders = (response: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders(options.connectTo()))) response.setHeader(name, value);
  };
  const files = sirv(root, {
    etag: true,
    // hashed assets never change; index.html names the current ones
    setHeaders: (response, pathname) => response.setHeader("cache-control", pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache"),
  });
  const server = createServer((request, response) => {
    withHeaders(response);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (new URL(request.url ?? "/", "http://localhost").pathname === "/config.json") {
      response.writeHead(config ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(config ?? { error: "starting" }));
      return;
    }
    files(request, response, () => {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("không tìm thấy");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url: `${url}/`,
    origin: url,
    configure: (next) => {
      config = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
