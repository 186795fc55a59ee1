import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** The read-only kit beside the checkout (contract, corpus, scorer). */
export const kitDir = join(repoRoot, "..", "shared");
export const corpusDir = join(kitDir, "corpus");
export const samplesDir = join(repoRoot, "samples");
export const thadsBin = join(repoRoot, "bin", "thads");
