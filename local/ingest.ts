/**
 * Uploads files into the local stack as courts would and reports what became of each: a new case, a
 * duplicate of a case already stored (same bytes), or a failure the intake gave up on (dead letter).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { reason } from "#domain/review-reasons.ts";
import { caseIdFor, type CaseStatus } from "#domain/stored-case.ts";
import type { CaseRepository } from "#ports/case-repository.ts";
import type { DeadLetter } from "./queue.ts";
import type { Upload } from "./stack.ts";
import { deadLetterKey, failedDocument } from "./summary.ts";

export interface FileToIngest {
  file: string;
  courtId: string;
}

export type IngestOutcome =
  | { file: string; outcome: "created"; caseId: string; status: CaseStatus }
  | { file: string; outcome: "duplicate"; caseId: string; firstFileName: string }
  | { file: string; outcome: "failed"; reason: string }
  | { file: string; outcome: "unreadable"; reason: string };

/** An upload on its way through the intake: its object key and the case its bytes would become. */
export interface PendingUpload {
  key: string;
  caseId: string;
}

/** A stack documents can be sent to: in this process, or another process's (npm start). */
export interface IntakeTarget {
  cases: CaseRepository;
  upload(upload: Upload): Promise<string>;
  deadLetters(): readonly DeadLetter[];
  /** Resolves when every upload became a case or a dead letter; calls `onProgress` with how many did. */
  settle(uploads: readonly PendingUpload[], onProgress: (done: number) => void): Promise<void>;
}

/** Uploads every file, waits until the intake has dealt with all of them, and tells each file's fate. */
export async function ingestFiles(target: IntakeTarget, files: readonly FileToIngest[], onProgress: (done: number, total: number) => void = () => undefined): Promise<IngestOutcome[]> {
  const uploads: (PendingUpload & { index: number; file: string })[] = [];
  const outcomes: IngestOutcome[] = [];
  for (const [index, { file, courtId }] of files.entries()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      outcomes[index] = { file, outcome: "unreadable", reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? reason("file.not-found", {}).message : String((error as Error).message) };
      continue;
    }
    const key = await target.upload({ courtId, fileName: basename(file), bytes });
    uploads.push({ index, file, key, caseId: caseIdFor(createHash("sha256").update(bytes).digest("hex")) });
  }

  await target.settle(uploads, (done) => onProgress(done, uploads.length));

  const deadByKey = new Map(target.deadLetters().map((letter) => [deadLetterKey(letter), letter] as const));
  for (const { index, file, key, caseId } of uploads) {
    const letter = deadByKey.get(key);
    const stored = letter ? null : await target.cases.get(caseId);
    if (letter) outcomes[index] = { file, outcome: "failed", reason: failedDocument(letter).reason };
    else if (!stored) outcomes[index] = { file, outcome: "failed", reason: reason("cli.no-case-written", {}).message };
    else if (stored.source.key === key) outcomes[index] = { file, outcome: "created", caseId, status: stored.status };
    else outcomes[index] = { file, outcome: "duplicate", caseId, firstFileName: stored.source.fileName };
  }
  return outcomes;
}
