/**
 * What became of each upload on the embedded stack: a case, a review case, a dead letter. An upload
 * with none is lost, one with two or more is duplicated. Used by the fault tests and the load bench.
 */
import type { LocalStack } from "../../local/stack.ts";
import { deadLetterKey } from "../../local/summary.ts";

export interface UploadFates {
  /** How many uploads had each fate; an upload with two fates counts in both. */
  counts: Record<string, number>;
  lost: number;
  duplicated: number;
  /** Dead letters of these uploads that carry no reason. */
  deadLettersWithoutReason: number;
}

export async function uploadFates(stack: LocalStack, keys: readonly string[]): Promise<UploadFates> {
  const byKey = new Map(keys.map((key) => [key, [] as string[]]));
  for await (const stored of stack.cases.allCases()) byKey.get(stored.source.key)?.push(stored.status === "needs_review" ? "review case" : "case");
  let deadLettersWithoutReason = 0;
  for (const letter of stack.deadLetters()) {
    const fate = byKey.get(deadLetterKey(letter) ?? "");
    if (!fate) continue;
    if (!letter.lastError) deadLettersWithoutReason += 1;
    fate.push("dead letter");
  }
  const counts: Record<string, number> = {};
  for (const list of byKey.values()) for (const fate of list) counts[fate] = (counts[fate] ?? 0) + 1;
  const lost = [...byKey.values()].filter((list) => list.length === 0).length;
  const duplicated = [...byKey.values()].filter((list) => list.length > 1).length;
  return { counts, lost, duplicated, deadLettersWithoutReason };
}
