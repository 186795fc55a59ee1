import type { TextLine } from "#ports/ocr-engine.ts";

/** Narrowest empty vertical strip (page widths) that counts as the gap between two columns. */
const MIN_GUTTER = 0.03;

interface Placed {
  line: TextLine;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Puts one page's OCR lines in reading order by geometry: top to bottom, left to right within a row,
 * and where consecutive rows form two columns separated by an empty strip (the court / national motto
 * header of a Vietnamese judgment, the "Nơi nhận" / signature block at the end) the whole left column
 * before the right one, so "TÒA ÁN NHÂN DÂN / TỈNH HÀ NAM / Số: ..." stays together. Lines without a box
 * keep their order after the placed ones.
 */
export function inReadingOrder(lines: TextLine[]): TextLine[] {
  const placed: Placed[] = [];
  const unplaced: TextLine[] = [];
  for (const line of lines) {
    if (line.box) placed.push({ line, left: line.box.left, right: line.box.left + line.box.width, top: line.box.top, bottom: line.box.top + line.box.height });
    else unplaced.push(line);
  }
  const rows = toRows(placed.sort((a, b) => a.top - b.top));
  const ordered: TextLine[] = [];
  for (let i = 0; i < rows.length; ) {
    const band = twoColumnBand(rows, i);
    if (band) {
      const inBand = rows.slice(i, band.end).flat();
      const middle = (band.gutter[0] + band.gutter[1]) / 2;
      const column = (side: "left" | "right") => inBand.filter((p) => (p.left + p.right) / 2 < middle === (side === "left"));
      ordered.push(...column("left").map((p) => p.line), ...column("right").map((p) => p.line));
      i = band.end;
    } else {
      ordered.push(...rows[i]!.map((p) => p.line));
      i++;
    }
  }
  return [...ordered, ...unplaced];
}

/** Groups lines (sorted by top) into rows: side by side, overlapping vertically by at least half the shorter one. Lines that overlap horizontally never share a row, so a skewed page keeps its line order. */
function toRows(sorted: Placed[]): Placed[][] {
  const rows: Placed[][] = [];
  for (const p of sorted) {
    const row = rows.at(-1);
    const fits =
      row !== undefined &&
      row.every((q) => {
        const overlap = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        const sideBySide = p.left >= q.right || q.left >= p.right;
        return sideBySide && overlap >= 0.5 * Math.min(p.bottom - p.top, q.bottom - q.top);
      });
    if (fits) row.push(p);
    else rows.push([p]);
  }
  for (const row of rows) row.sort((a, b) => a.left - b.left);
  return rows;
}

/** Widest empty strip between neighbours in a row, if it is wide enough to separate columns. */
function gutterOf(row: Placed[]): [number, number] | null {
  let best: [number, number] | null = null;
  for (let i = 1; i < row.length; i++) {
    const gap: [number, number] = [row[i - 1]!.right, row[i]!.left];
    if (gap[1] - gap[0] >= MIN_GUTTER && (!best || gap[1] - gap[0] > best[1] - best[0])) best = gap;
  }
  return best;
}

/**
 * From row `start` (which must itself be split in two), the run of rows that all leave a common strip
 * empty: up to the last row with text on both sides, plus rows on one side that follow without a
 * paragraph gap (the third line of a court's name). Null when fewer than two split rows would be
 * reordered, because a single split row already reads left to right.
 */
function twoColumnBand(rows: Placed[][], start: number): { end: number; gutter: [number, number] } | null {
  const first = gutterOf(rows[start]!);
  if (!first) return null;
  let gutter: [number, number] = first;
  let end = start + 1;
  let splitRows = 1;
  for (let i = start + 1; i < rows.length; i++) {
    const row = rows[i]!;
    let [from, to] = gutter;
    let compatible = true;
    for (const p of row) {
      if (p.right <= to && p.left < from) from = Math.max(from, p.right);
      else if (p.left >= from && p.right > to) to = Math.min(to, p.left);
      else compatible = false;
    }
    if (!compatible || to - from < MIN_GUTTER) break;
    gutter = [from, to];
    const middle = (from + to) / 2;
    const split = row.some((p) => p.right <= middle) && row.some((p) => p.left >= middle);
    const rowTop = Math.min(...row.map((p) => p.top));
    const rowHeight = Math.max(...row.map((p) => p.bottom - p.top));
    const previousBottom = Math.max(...rows[i - 1]!.map((p) => p.bottom));
    if (split) {
      splitRows++;
      end = i + 1;
    } else if (end === i && rowTop - previousBottom < 0.75 * rowHeight) {
      end = i + 1;
    }
  }
  return splitRows >= 2 ? { end, gutter } : null;
}
