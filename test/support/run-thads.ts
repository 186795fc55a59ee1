import { spawn, spawnSync } from "node:child_process";
import { repoRoot, thadsBin } from "./paths.ts";

export interface ThadsRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs ./bin/thads as a user would (a separate process, from the repository root), in this environment or `env`. */
export function runThads(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ThadsRun {
  const result = spawnSync(thadsBin, args, { cwd: repoRoot, encoding: "utf8", timeout: 60_000, env });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs ./bin/thads on a data folder asynchronously: a stack in the test's own process keeps answering meanwhile. */
export function runThadsOn(dataDir: string, args: readonly string[]): Promise<ThadsRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(thadsBin, args, { cwd: repoRoot, env: { ...process.env, THADS_DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The JSON lines a `--json` command printed. */
export const jsonLines = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
