import { spawnSync } from "node:child_process";
import { repoRoot, thadsBin } from "./paths.ts";

export interface ThadsRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs ./bin/thads as a user would (a separate process, from the repository root). */
export function runThads(args: readonly string[]): ThadsRun {
  const result = spawnSync(thadsBin, args, { cwd: repoRoot, encoding: "utf8", timeout: 30_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
