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

/** One cell of the route x role matrix: a route called over HTTP by one kind of caller, and what it answered. */
export interface AuthorisationRecord {
  kind: "authorisation";
  /** e.g. "GET /cases/{caseId}" */
  route: string;
  /** e.g. "staff of another unit", "no token" */
  caller: string;
  /** What the test's hand-written table expects: allow, 401 or 403. */
  expected: string;
  status: number;
}

declare module "vitest" {
  interface TaskMeta {
    reliability?: FaultRecord | InputRecord | AuthorisationRecord;
  }
}

export function recordReliability(context: TestContext, record: FaultRecord | InputRecord | AuthorisationRecord): void {
  context.task.meta.reliability = record;
}
