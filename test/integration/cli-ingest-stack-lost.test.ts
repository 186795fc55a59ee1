/**
 * `thads ingest` attached to a stack that dies or loses DynamoDB mid-ingest notices within a bounded
 * time, says so, and exits non-zero. The "stack" here is what the command attaches to: a stack.json
 * naming a process and endpoints, an S3 endpoint that takes the upload, and a DynamoDB endpoint
 * nothing answers on.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "../../local/net.ts";
import { repoRoot, samplesDir, thadsBin } from "../support/paths.ts";

let dataDir: string;
let s3: Server;
let stackProcess: ChildProcess;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "thads-lost-"));
  s3 = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { etag: '"0"' }).end());
  });
  await new Promise<void>((resolve) => s3.listen(0, "127.0.0.1", resolve));
  const s3Port = (s3.address() as { port: number }).port;
  stackProcess = spawn(process.execPath, ["-e", "setTimeout(() => {}, 120000)"], { stdio: "ignore" });
  const endpoints = { dynamodb: `http://127.0.0.1:${await freePort()}`, s3: `http://127.0.0.1:${s3Port}`, textract: `http://127.0.0.1:${await freePort()}` };
  await writeFile(join(dataDir, "stack.json"), JSON.stringify({ pid: stackProcess.pid, endpoints, apiUrl: null, startedAt: new Date().toISOString() }));
});

afterEach(async () => {
  stackProcess.kill();
  await new Promise<void>((resolve) => s3.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
});

function ingest(): Promise<{ code: number | null; stderr: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(thadsBin, ["ingest", "--json", join(samplesDir, "pdf", "ban-an-vay-tai-san.pdf")], { cwd: repoRoot, env: { ...process.env, THADS_DATA_DIR: dataDir }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, seconds: (Date.now() - started) / 1000 }));
  });
}

describe("thads ingest attached to a stack that fails", () => {
  it("says the stack stopped and exits 1 soon after the stack's process ends", async () => {
    const run = ingest();
    setTimeout(() => stackProcess.kill(), 2_000);

    const { code, stderr, seconds } = await run;

    expect(code).toBe(1);
    expect(stderr).toMatch(/Hệ thống \(tiến trình \d+\) đã dừng/);
    expect(seconds).toBeLessThan(15);
  }, 60_000);

  it("says it lost the stack's DynamoDB and exits 1 within a bounded time", async () => {
    const { code, stderr, seconds } = await ingest();

    expect(code).toBe(1);
    expect(stderr).toMatch(/DynamoDB/);
    expect(seconds).toBeLessThan(40);
  }, 60_000);
});
