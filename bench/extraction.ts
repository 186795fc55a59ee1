// Extraction throughput over the kit corpus, beside a floor that only NFC-normalises and lowercases the
// same texts: the ratio says how far the engine is from the cheapest pass any extractor must make.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractCase } from "#domain/extraction/extract-case.ts";
import { count, itemsPerSecond, median } from "./measure.ts";
import type { BenchSection } from "./section.ts";

const CORPUS = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const RUNS = 7;
const MIN_RUN_MS = 300;
const WARM_UP_MS = 500;
const GOAL_PER_SECOND = 1000;

export const extractionBench: BenchSection = {
  name: "extraction",
  async run() {
    const texts = readdirSync(CORPUS)
      .filter((name) => name.endsWith(".txt"))
      .map((name) => readFileSync(join(CORPUS, name), "utf8"));
    // Results feed a checksum that is printed, so the engine cannot skip work whose result is never read.
    let checksum = 0;
    const engine = () => {
      for (const text of texts) checksum += extractCase(text).obligations.length;
    };
    const floor = () => {
      for (const text of texts) checksum += text.normalize("NFC").toLowerCase().length;
    };

    itemsPerSecond(engine, texts.length, WARM_UP_MS);
    itemsPerSecond(floor, texts.length, WARM_UP_MS);
    const engineRuns: number[] = [];
    const floorRuns: number[] = [];
    // Alternating runs share whatever else the machine is doing at the time.
    for (let run = 0; run < RUNS; run++) {
      engineRuns.push(itemsPerSecond(engine, texts.length, MIN_RUN_MS));
      floorRuns.push(itemsPerSecond(floor, texts.length, MIN_RUN_MS));
    }
    const engineRate = median(engineRuns);
    const floorRate = median(floorRuns);
    const kb = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / texts.length / 1024;

    console.log(`extraction: ${texts.length} judgments from ../shared/corpus (mean ${kb.toFixed(1)} KB), one thread,`);
    console.log(`  median of ${RUNS} runs of >= ${MIN_RUN_MS} ms each, after ${WARM_UP_MS} ms warm-up`);
    console.log(`  extractCase                 ${count(engineRate).padStart(12)} judgments/s`);
    console.log(`  baseline (NFC + lowercase)  ${count(floorRate).padStart(12)} judgments/s`);
    console.log(`  ratio baseline/extractCase  ${(floorRate / engineRate).toPrecision(3).padStart(12)}x`);
    console.log(`  goal >= ${count(GOAL_PER_SECOND)}/s: ${engineRate >= GOAL_PER_SECOND ? "met" : "NOT met"}  (checksum ${checksum})`);
  },
};
