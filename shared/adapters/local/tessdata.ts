import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * Tesseract's Vietnamese "best_int" LSTM model (4.0.0_best_int), as the npm package @tesseract.js-data/vie ships it:
 * gzipped. It reads degraded scans with fewer errors than Debian's tesseract-ocr-vie ("fast") model
 * (bench/ocr-models.ts, docs/aws.md), so it is the project's model; the container image unpacks the same file.
 */
const VIE_BEST_INT_GZIP = "@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz";

let unpacked: string | undefined;

/** Where unpacked models are kept between runs: the user's cache folder, else (read-only home) the temp folder. */
function cacheRoot(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  for (const root of [xdg ? join(xdg, "thads") : null, join(homedir(), ".cache", "thads")]) {
    if (root === null) continue;
    try {
      mkdirSync(root, { recursive: true });
      return root;
    } catch {
      // not writable (a Lambda's home): try the next place
    }
  }
  return tmpdir();
}

/**
 * A tessdata folder holding the best_int model (for Tesseract's --tessdata-dir), unpacked once per content into
 * the user's cache (not the temp folder, which holds only a run's own work and is left empty), where the next
 * process finds it. Written under a temporary name and renamed, so a concurrent reader never sees half a model.
 * Throws when the npm package is not installed.
 */
export function bestIntTessdataDir(): string {
  if (unpacked) return unpacked;
  const gzipped = readFileSync(createRequire(import.meta.url).resolve(VIE_BEST_INT_GZIP));
  const dir = join(cacheRoot(), `tessdata-${createHash("sha256").update(gzipped).digest("hex").slice(0, 16)}`);
  const model = join(dir, "vie.traineddata");
  if (!existsSync(model)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${model}.${process.pid}.partial`;
    writeFileSync(partial, gunzipSync(gzipped));
    renameSync(partial, model);
  }
  unpacked = dir;
  return dir;
}
