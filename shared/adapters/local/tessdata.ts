import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * Tesseract's Vietnamese "best_int" LSTM model (4.0.0_best_int), as the npm package @tesseract.js-data/vie ships it:
 * gzipped. It reads degraded scans with fewer errors than Debian's tesseract-ocr-vie ("fast") model
 * (bench/ocr-models.ts, docs/aws.md), so it is the project's model; the container image unpacks the same file.
 */
const VIE_BEST_INT_GZIP = "@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz";

let unpacked: string | undefined;

/**
 * A tessdata folder holding the best_int model (for Tesseract's --tessdata-dir), unpacked once per content under
 * the temp folder, where the next process finds it. Written under a temporary name and renamed, so a concurrent
 * reader never sees half a model. Throws when the npm package is not installed.
 */
export function bestIntTessdataDir(): string {
  if (unpacked) return unpacked;
  const gzipped = readFileSync(createRequire(import.meta.url).resolve(VIE_BEST_INT_GZIP));
  const dir = join(tmpdir(), `thads-tessdata-${createHash("sha256").update(gzipped).digest("hex").slice(0, 16)}`);
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
