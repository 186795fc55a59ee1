/** The local web console server: its files, config.json, and the security headers on every answer. */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleNotBuiltError, startConsoleServer, type ConsoleServer } from "../../local/console-server.ts";

let root: string;
let server: ConsoleServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "thads-console-"));
  await mkdir(join(root, "assets"));
  await writeFile(join(root, "index.html"), "<!doctype html><title>THADS</title>");
  await writeFile(join(root, "assets", "app-abc123.js"), "export {};");
  await writeFile(join(tmpdir(), "thads-console-secret.txt"), "outside");
  server = await startConsoleServer({ port: 0, root, connectTo: () => ["http://127.0.0.1:4280", "http://127.0.0.1:9000"] });
});

afterAll(async () => {
  await server?.stop();
  await rm(root, { recursive: true, force: true });
  await rm(join(tmpdir(), "thads-console-secret.txt"), { force: true });
});

describe("console server", () => {
  it("serves the page with a content security policy that lets it talk only to itself, the API and the object store", async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("THADS");
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:4280 http://127.0.0.1:9000");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("lets hashed assets be cached for good and the page not", async () => {
    expect((await fetch(`${server.url}assets/app-abc123.js`)).headers.get("cache-control")).toContain("immutable");
    expect((await fetch(server.url)).headers.get("cache-control")).toBe("no-cache");
  });

  it("answers config.json once the API is known, never from the cache", async () => {
    expect((await fetch(`${server.url}config.json`)).status).toBe(503);
    server.configure({ apiUrl: "http://127.0.0.1:4280", auth: { mode: "local" } });
    const response = await fetch(`${server.url}config.json`);
    expect(await response.json()).toEqual({ apiUrl: "http://127.0.0.1:4280", auth: { mode: "local" } });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("serves nothing outside its folder and takes no writes", async () => {
    expect((await fetch(`${server.url}..%2fthads-console-secret.txt`)).status).not.toBe(200);
    expect((await fetch(`${server.url}%2e%2e/thads-console-secret.txt`)).status).not.toBe(200);
    expect((await fetch(server.url, { method: "POST", body: "x" })).status).toBe(405);
  });

  it("refuses to start on a folder with no built console, saying how to build it", async () => {
    await expect(startConsoleServer({ port: 0, root: join(root, "assets"), connectTo: () => [] })).rejects.toThrow(ConsoleNotBuiltError);
  });
});
