/**
 * What the fault and hostile-input tests record of their outcome, in each test's meta: vitest's JSON
 * reporter carries it, and scripts/reliability.ts builds RELIABILITY.md from it.
 */
import type { TestContext } from "vitest";

/** A fault injected into the embedded stack, and what became of the uploads. */
export interface FaultRecord {
  kind: "fault";
  fault: string;
  uploaded: number;
  /** Each upload's fate while the fault lasted, e.g. { case: 7, "dead letter": 5 }; an upload with two fates counts in both. */
  duringFault: Record<string, number>;
  /** Each upload's fate after recovery (redrive, restart). */
  afterRecovery: Record<string, number>;
  lost: number;
  duplicated: number;
  recovery: string;
}

/** One hostile input and how intake ended with it. */
export interface InputRecord {
  kind: "input";
  inputClass: string;
  outcome: string;
  bytes: number;
  milliseconds: number;
  /** Growth of the process's resident memory while it was read. */
  memoryMb: number;
}

/**
 * One route of the case API called as one role (the route x role matrix): what it answered. A test
 * file that records these, listed in scripts/reliability.ts, fills the authorisation section.
 */
export interface AuthorisationRecord {
  kind: "authorisation";
  /** e.g. "GET /cases/{caseId}" */
  route: string;
  /** e.g. "staff of agency A", "uploader of court X" */
  role: string;
  status: number;
  allowed: boolean;
}

export type ReliabilityRecord = FaultRecord | InputRecord | AuthorisationRecord;

declare module "vitest" {
  interface TaskMeta {
    reliability?: ReliabilityRecord;
  }
}

export function recordReliability(context: TestContext, record: ReliabilityRecord): void {
  context.task.meta.reliability = record;
}
