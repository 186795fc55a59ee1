import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * Tesseract's Vietnamese "best_int" LSTM model (4.0.0_best_int), as the npm package @tesseract.js-data/vie ships it:
 * gzipped. Debian's tesseract-ocr-vie is the smaller "fast" model; bench/ocr-models.ts compares the two.
 */
export const VIE_BEST_INT_GZIP = createRequire(import.meta.url).resolve("@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz");

let unpacked: Promise<string> | undefined;

/**
 * A tessdata folder holding the best_int model (for Tesseract's --tessdata-dir), unpacked once per content
 * under the temp folder; a second process finds it there. The file is written under a temporary name and
 * renamed, so a concurrent reader never sees half a model.
 */
export function bestIntTessdataDir(): Promise<string> {
  unpacked ??= (async () => {
    const gzipped = await readFile(VIE_BEST_INT_GZIP);
    const dir = join(tmpdir(), `thads-tessdata-${createHash("sha256").update(gzipped).digest("hex").slice(0, 16)}`);
    const model = join(dir, "vie.traineddata");
    if (!existsSync(model)) {
      await mkdir(dir, { recursive: true });
      const partial = `${model}.${process.pid}.partial`;
      await writeFile(partial, gunzipSync(gzipped));
      await rename(partial, model);
    }
    return dir;
  })();
  return unpacked;
}
