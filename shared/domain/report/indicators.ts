/**
 * The additive counts behind every indicator, for việc (count of matters) and tiền (VND).
 * Stored flat in one Float64Array per aggregate cell (exact for integers below 2^53, i.e. money
 * totals below 9 × 10^15 VND; national totals are around 10^15 at most), việc first then tiền.
 */
export const COUNTS = [
  "carriedOver", // năm trước chuyển sang
  "new", // thụ lý mới
  "transferred", // ủy thác
  "enforceable", // có điều kiện
  "notEnforceable", // chưa có điều kiện
  "completed", // thi hành xong
  "terminated", // đình chỉ
  "reduced", // giảm (tiền only)
  "inProgress", // đang thi hành
  "postponed", // hoãn
  "suspended", // tạm đình chỉ
  "other", // khác
  "unclassified", // of which still thụ lý, not yet classified (included in khác)
] as const;
export type Count = (typeof COUNTS)[number];

export const COUNT_WIDTH = COUNTS.length;
export const CELL_WIDTH = 2 * COUNT_WIDTH;
/** Offset of each count within the việc half; add COUNT_WIDTH for tiền. */
export const AT = Object.fromEntries(COUNTS.map((name, index) => [name, index])) as Record<Count, number>;
export const TIEN = COUNT_WIDTH;

export type Tally = Record<Count, number>;

/** Every indicator of one measure (việc or tiền), derived from its counts. */
export interface Indicators extends Tally {
  totalReceived: number; // tổng thụ lý = chuyển sang + mới
  toEnforce: number; // tổng phải thi hành = tổng thụ lý − ủy thác
  /** (xong + đình chỉ) / có điều kiện, as a fraction; null when nothing is enforceable. */
  completionRate: number | null;
  /** chuyển kỳ sau = phải thi hành − (xong + đình chỉ), and − giảm for tiền. */
  carriedToNext: number;
}

export interface IndicatorPair {
  viec: Indicators;
  tien: Indicators;
}

export function emptyCell(): Float64Array {
  return new Float64Array(CELL_WIDTH);
}

/** (xong + đình chỉ) / có điều kiện. */
export function completionRate(completed: number, terminated: number, enforceable: number): number | null {
  return enforceable === 0 ? null : (completed + terminated) / enforceable;
}

function indicators(cell: Float64Array, offset: number): Indicators {
  const tally = Object.fromEntries(COUNTS.map((name, index) => [name, cell[offset + index] ?? 0])) as Tally;
  const totalReceived = tally.carriedOver + tally.new;
  const toEnforce = totalReceived - tally.transferred;
  return {
    ...tally,
    totalReceived,
    toEnforce,
    completionRate: completionRate(tally.completed, tally.terminated, tally.enforceable),
    carriedToNext: toEnforce - tally.completed - tally.terminated - tally.reduced,
  };
}

export function indicatorPair(cell: Float64Array): IndicatorPair {
  return { viec: indicators(cell, 0), tien: indicators(cell, TIEN) };
}

export function addCell(into: Float64Array, from: Float64Array, sign = 1): void {
  for (let i = 0; i < CELL_WIDTH; i++) into[i]! += sign * from[i]!;
}
