/**
 * What the local stack holds, at a glance: cases by status, parties, obligations by kind, money by
 * agency, the review queue and the documents that could not be processed.
 *
 * Reading every case is a table scan (the repository's allCases): fine for the few thousand cases of
 * a local stack, and never done by the functions.
 */
import type { ObligationKind } from "#domain/case.ts";
import { foldText } from "#domain/search-keys.ts";
import type { CaseStatus } from "#domain/stored-case.ts";
import { decodeEventKey, parseUploadKey } from "#domain/upload-key.ts";
import type { CaseArchive, CaseRepository, CaseSummary } from "#ports/case-repository.ts";
import type { DeadLetter } from "./queue.ts";

/** A document that reached a dead-letter queue: which file, and why its last delivery failed. */
export interface FailedDocument {
  courtId: string | null;
  fileName: string;
  deliveries: number;
  reason: string;
}

export interface StackSummary {
  cases: number;
  byStatus: Record<CaseStatus, number>;
  /** Distinct parties (names compared without diacritics or case). */
  parties: number;
  obligations: { kind: ObligationKind; count: number; amountVnd: number }[];
  /** Ordered amounts per receiving agency; null collects cases whose court has no agency on file. */
  agencies: { agencyId: string | null; cases: number; amountVnd: number }[];
  reviewQueue: CaseSummary[];
  failed: FailedDocument[];
}

/** The object key a dead letter was about, read from the S3 event (or Textract notice) it carried. */
export function deadLetterKey(letter: DeadLetter): string | null {
  try {
    const body = JSON.parse(letter.body) as { Records?: { s3?: { object?: { key?: string } } }[]; Message?: string };
    const encoded = body.Records?.[0]?.s3?.object?.key;
    if (encoded) return decodeEventKey(encoded);
    return body.Message ? ((JSON.parse(body.Message) as { DocumentLocation?: { S3ObjectName?: string } }).DocumentLocation?.S3ObjectName ?? null) : null;
  } catch {
    return null;
  }
}

export function failedDocument(letter: DeadLetter): FailedDocument {
  const key = deadLetterKey(letter);
  const upload = key === null ? null : parseUploadKey(key);
  return {
    courtId: upload?.courtId ?? null,
    fileName: upload?.fileName ?? key ?? "(không phải tệp tải lên)",
    deliveries: letter.receiveCount,
    reason: letter.lastError ?? "không có lý do nào được ghi lại",
  };
}

/** Every case waiting for review, oldest first, read page by page through the repository's ByStatusReceived query. */
export async function wholeReviewQueue(cases: CaseRepository, filter: { agencyId?: string | undefined; courtId?: string | undefined } = {}): Promise<CaseSummary[]> {
  const queue: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await cases.reviewQueue(filter, { limit: 100, cursor });
    queue.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return queue;
}

/** Summarises the local stack's cases table and dead letters. */
export async function summarise(source: { cases: CaseRepository & CaseArchive; deadLetters: readonly DeadLetter[] }): Promise<StackSummary> {
  const byStatus: Record<CaseStatus, number> = { needs_review: 0, extracted: 0, verified: 0 };
  const parties = new Set<string>();
  const obligations = new Map<ObligationKind, { kind: ObligationKind; count: number; amountVnd: number }>();
  const agencies = new Map<string | null, { agencyId: string | null; cases: number; amountVnd: number }>();
  let cases = 0;
  for await (const stored of source.cases.allCases()) {
    cases += 1;
    byStatus[stored.status] += 1;
    for (const party of stored.parties) parties.add(foldText(party.name));
    for (const obligation of stored.obligations) {
      const entry = obligations.get(obligation.kind) ?? { kind: obligation.kind, count: 0, amountVnd: 0 };
      entry.count += 1;
      entry.amountVnd += obligation.amountVnd;
      obligations.set(obligation.kind, entry);
    }
    const agency = agencies.get(stored.agencyId) ?? { agencyId: stored.agencyId, cases: 0, amountVnd: 0 };
    agency.cases += 1;
    agency.amountVnd += stored.totalAmountVnd;
    agencies.set(stored.agencyId, agency);
  }
  const reviewQueue = await wholeReviewQueue(source.cases);
  return {
    cases,
    byStatus,
    parties: parties.size,
    obligations: [...obligations.values()].sort((a, b) => b.amountVnd - a.amountVnd),
    agencies: [...agencies.values()].sort((a, b) => b.amountVnd - a.amountVnd),
    reviewQueue,
    failed: source.deadLetters.map(failedDocument),
  };
}
