import { execFileSync } from "node:child_process";
import { repoRoot } from "./support/paths.ts";

/** Tests that spawn ./bin/thads must run the code in this tree, not a bundle left from an older build. */
export default function buildCli(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: repoRoot, stdio: "inherit" });
}
