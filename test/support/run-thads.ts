import { spawnSync } from "node:child_process";
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
