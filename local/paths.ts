/**
 * Where the checkout and its data folder are, the same for `npm start` (run from source) and for the
 * bundled `thads` (dist/thads.mjs and its chunks in dist/chunks/): found from the module's own place
 * by walking up to the project's package.json, never by a fixed number of `..`, which differs
 * between source and bundle.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "thads-pipeline";

function isProjectRoot(folder: string): boolean {
  const manifest = join(folder, "package.json");
  if (!existsSync(manifest)) return false;
  return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
}

/** The top folder of the checkout: the nearest folder at or above `from` holding the project's package.json. */
export function repositoryRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    if (isProjectRoot(folder)) return folder;
    if (dirname(folder) === folder) throw new Error(`no ${PACKAGE_NAME} checkout above ${from}`);
  }
}

/** The local stack's data folder: THADS_DATA_DIR, else `.thads/` at the top of the checkout. */
export function dataDir(): string {
  const chosen = process.env.THADS_DATA_DIR;
  return chosen ? resolve(chosen) : join(repositoryRoot(), ".thads");
}

/** The bundled sample judgments (`samples/` at the top of the checkout). */
export const samplesDir = (): string => join(repositoryRoot(), "samples");
