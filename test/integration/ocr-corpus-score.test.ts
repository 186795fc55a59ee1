import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TesseractOcrEngine } from "#adapters/local/tesseract-ocr.ts";
import { bestIntTessdataDir } from "#adapters/local/tessdata.ts";
import { extractCase } from "#domain/extraction/extract-case.ts";
import { characterErrorRate } from "../support/cer.ts";
import { CORPUS_DIR, cachedOcrText, corpusIds, corpusScans } from "../support/ocr-corpus.ts";

/**
 * Documents scored by default: every scan format (PNG, JPEG, image-only PDF, multi-page TIFF), real and written
 * judgments, 14 pages. OCR of the whole corpus (about 83 pages) takes 4 minutes of two cores, so it runs only with
 * THADS_OCR_SCORE=full; either way each scan is recognised once and its text cached beside it in .thads/scans.
 */
const SUBSET = ["real-006", "real-009", "real-013", "written-007", "written-008", "written-011"];
const MIN_OVERALL = 0.8;

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Runs the kit scorer on predictions for `ids` only (the scorer counts every gold file in its folder). */
async function score(ids: string[], predictions: Map<string, unknown>): Promise<{ overall: number; report: string }> {
  const gold = await tempDir("thads-gold-");
  const pred = await tempDir("thads-pred-");
  for (const id of ids) {
    await symlink(resolve(CORPUS_DIR, `${id}.json`), join(gold, `${id}.json`));
    await writeFile(join(pred, `${id}.json`), JSON.stringify(predictions.get(id)));
  }
  const report = execFileSync("node", [join(CORPUS_DIR, "../eval/score.mjs"), "--gold", gold, "--pred", pred, "--verbose"], { encoding: "utf8" });
  return { overall: Number(/^overall ([\d.]+)/m.exec(report)?.[1]), report };
}

describe("extraction from scanned judgments", () => {
  it(`scores at least ${MIN_OVERALL} overall on Tesseract's reading of the rendered corpus scans`, async () => {
    const ids = process.env.THADS_OCR_SCORE === "full" ? await corpusIds() : SUBSET;
    const engine = new TesseractOcrEngine({ tessdataDir: bestIntTessdataDir() });
    const started = performance.now();
    const scans = await corpusScans(ids);
    const fromScans = new Map<string, unknown>();
    const fromText = new Map<string, unknown>();
    const errorRates: string[] = [];
    let recognised = 0;
    for (const id of ids) {
      const source = await readFile(join(CORPUS_DIR, `${id}.txt`), "utf8");
      const { text, cached } = await cachedOcrText(engine, scans.get(id)!);
      if (!cached) recognised++;
      errorRates.push(`${id} ${(characterErrorRate(source, text) * 100).toFixed(1)}%`);
      fromScans.set(id, extractCase(text));
      fromText.set(id, extractCase(source));
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const ocr = await score(ids, fromScans);
    const text = await score(ids, fromText);
    console.log(
      [
        `${ids.length} documents, ${recognised} recognised now (others cached), ${seconds} s`,
        `character error rate: ${errorRates.join(", ")}`,
        `from scans: ${ocr.report}`,
        `from the corpus text, for comparison: overall ${text.overall.toFixed(3)}`,
      ].join("\n"),
    );
    expect(ocr.overall).toBeGreaterThanOrEqual(MIN_OVERALL);
  }, 1_800_000);
});
