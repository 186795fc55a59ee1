/** Text as compared for character error rate: NFC, whitespace runs (line breaks included) as one space. */
export const comparable = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();

/** Levenshtein distance, two rows at a time (references are a few thousand characters). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Character error rate of recognised text against the source: edits needed / source length. */
export function characterErrorRate(reference: string, recognised: string): number {
  const ref = comparable(reference);
  return editDistance(ref, comparable(recognised)) / Math.max(1, ref.length);
}
