// Guards the extraction figures the foundation issue demands, measured the way the kit measures them:
// the kit's scorer runs ./bin/thads once per annotated document.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusDir, kitDir, repoRoot } from "../support/paths.ts";

interface Score {
  overall: number;
  obligationsF1: number;
  lastLine: string;
}

const RUN = "./bin/thads extract --json";

/** Runs the kit's scorer from the repository root and reads its closing line: `overall X (obligations F1 Y)`. */
function score(gold: string): Score {
  const output = execFileSync(process.execPath, [join(kitDir, "eval", "score.mjs"), "--gold", gold, "--run", RUN], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 16 << 20,
  });
  const lastLine = output.trimEnd().split("\n").at(-1) ?? "";
  const figures = /^overall ([\d.]+) \(obligations F1 ([\d.]+)\)$/.exec(lastLine);
  if (!figures) throw new Error(`the scorer's last line is not a score: ${lastLine}`);
  return { overall: Number(figures[1]), obligationsF1: Number(figures[2]), lastLine };
}

/** What Amazon Textract returns for Vietnamese: every mark gone, đ/Đ flattened to d/D. */
const stripDiacritics = (text: string): string =>
  text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");

let strippedCorpus: string;
let original: Score;
let stripped: Score;

beforeAll(() => {
  strippedCorpus = mkdtempSync(join(tmpdir(), "thads-stripped-corpus-"));
  for (const name of readdirSync(corpusDir)) {
    if (name.endsWith(".txt")) {
      writeFileSync(join(strippedCorpus, name), stripDiacritics(readFileSync(join(corpusDir, name), "utf8")));
    } else if (name.endsWith(".json")) {
      copyFileSync(join(corpusDir, name), join(strippedCorpus, name));
    }
  }
  // The path exactly as the issue gives it, relative to the repository root.
  original = score("../shared/corpus");
  stripped = score(strippedCorpus);
  console.log(`kit corpus:                 ${original.lastLine}`);
  console.log(`kit corpus, diacritics off: ${stripped.lastLine}`);
});

afterAll(() => rmSync(strippedCorpus, { recursive: true, force: true }));

describe("extraction quality on the kit's annotated corpus", () => {
  it("scores overall >= 0.85 and obligations F1 >= 0.75 through ./bin/thads", () => {
    expect(original.overall, original.lastLine).toBeGreaterThanOrEqual(0.85);
    expect(original.obligationsF1, original.lastLine).toBeGreaterThanOrEqual(0.75);
  });

  it("scores within 0.05 of that when every diacritic is stripped from the documents", () => {
    expect(Math.abs(stripped.overall - original.overall), `${stripped.lastLine} vs ${original.lastLine}`).toBeLessThanOrEqual(0.05);
  });
});
