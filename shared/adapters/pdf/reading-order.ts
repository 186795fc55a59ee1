import type { BoundingBox, TextLine } from "#ports/ocr-engine.ts";

/** A run of text as a PDF draws it: position in page points, y growing downwards, x at the run's left. */
export interface PositionedText {
  text: string;
  x: number;
  baseline: number;
  width: number;
  fontSize: number;
}

export interface PageSize {
  width: number;
  height: number;
}

/** Runs whose baselines differ by less than this share of the larger font size sit on one line. */
const SAME_LINE_EM = 0.4;
/** A gap wider than this between two runs on a line separates words... */
const WORD_GAP_EM = 0.1;
/** ...and a gap wider than this separates columns (court name | national motto in the heading). */
const COLUMN_GAP_EM = 1.5;
/** Column gaps become a run of spaces about as wide as the gap, as in text exported from Word. */
const SPACE_EM = 0.3;
const MAX_COLUMN_SPACES = 40;
/** Runs carry the baseline and font size only; a line's box spans ascent plus descent around it. */
const ASCENT_EM = 0.95;
const DESCENT_EM = 0.25;

interface LineBuilder {
  baseline: number;
  fontSize: number;
  runs: PositionedText[];
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

function separator(previous: PositionedText, next: PositionedText): string {
  const gap = next.x - (previous.x + previous.width);
  const em = Math.max(previous.fontSize, next.fontSize);
  if (gap > COLUMN_GAP_EM * em) return " ".repeat(Math.min(MAX_COLUMN_SPACES, Math.round(gap / (SPACE_EM * em))));
  if (gap > WORD_GAP_EM * em && !/\s$/.test(previous.text) && !/^\s/.test(next.text)) return " ";
  return "";
}

function toLine(builder: LineBuilder, page: PageSize): TextLine {
  const runs = builder.runs.sort((a, b) => a.x - b.x);
  let text = "";
  runs.forEach((run, i) => {
    const previous = runs[i - 1];
    text += (previous ? separator(previous, run) : "") + run.text;
  });
  const left = Math.min(...runs.map((r) => r.x));
  const right = Math.max(...runs.map((r) => r.x + r.width));
  const top = builder.baseline - ASCENT_EM * builder.fontSize;
  const box: BoundingBox = {
    left: clamp01(left / page.width),
    top: clamp01(top / page.height),
    width: clamp01((right - left) / page.width),
    height: clamp01(((ASCENT_EM + DESCENT_EM) * builder.fontSize) / page.height),
  };
  return { text: text.trim(), confidence: 1, box };
}

/**
 * Rebuilds a page's lines from the text runs of its text layer: runs on one baseline form a line, lines
 * go top to bottom and runs left to right. PDFs store runs in drawing order, which is not reading order
 * when a heading is laid out in two columns or a line was typed in several pieces.
 */
export function linesInReadingOrder(runs: readonly PositionedText[], page: PageSize): TextLine[] {
  const sorted = runs.filter((r) => r.text.trim() !== "" && r.fontSize > 0).sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const lines: LineBuilder[] = [];
  for (const run of sorted) {
    const current = lines.at(-1);
    if (current && Math.abs(run.baseline - current.baseline) <= SAME_LINE_EM * Math.max(run.fontSize, current.fontSize)) {
      current.runs.push(run);
      current.fontSize = Math.max(current.fontSize, run.fontSize);
    } else {
      lines.push({ baseline: run.baseline, fontSize: run.fontSize, runs: [run] });
    }
  }
  return lines.map((line) => toLine(line, page));
}
