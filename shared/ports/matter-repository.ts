import type { MatterProposal } from "../domain/matters/types.ts";
import type { MatterItem } from "../domain/report/incremental.ts";

/** What a case has become on the enforcement side: the matters intake proposed and those staff opened. */
export interface CaseMatters {
  proposals: MatterProposal[];
  matters: MatterItem[];
}

/** A matter changed since it was read: another change got there first. */
export class MatterVersionConflictError extends Error {
  override name = "MatterVersionConflictError";
  constructor(readonly matterId: string, readonly expectedVersion: number) {
    super(`Matter ${matterId} is no longer at version ${expectedVersion}; reload it and apply the change again`);
  }
}

/** Proposals changed since they were read: one to replace is gone or already opened as a matter. */
export class ProposalsChangedError extends Error {
  override name = "ProposalsChangedError";
  constructor(readonly caseId: string) {
    super(`The proposals of case ${caseId} changed or were opened since they were read`);
  }
}

/** Enforcement matters, kept per case. Each write is conditional, so a repeat or a race never doubles or loses a change. */
export interface MatterRepository {
  /** Stores a case's proposed matters, all or none; "exists" when they are already stored (a redelivered upload), changing nothing. */
  saveProposals(caseId: string, proposals: readonly MatterProposal[]): Promise<"stored" | "exists">;
  ofCase(caseId: string): Promise<CaseMatters>;
  /**
   * Replaces proposals nobody opened by others (a split or a merge), all or none. Throws
   * ProposalsChangedError when one to remove is gone or was opened, or one to add exists.
   */
  replaceProposals(caseId: string, removed: readonly string[], added: readonly MatterProposal[]): Promise<void>;
  get(caseId: string, matterId: string): Promise<MatterItem | null>;
  /**
   * Writes a matter after one lifecycle step: version 1 only when the matter does not exist yet,
   * version n only onto version n - 1. Throws MatterVersionConflictError otherwise.
   */
  save(item: MatterItem): Promise<void>;
  /**
   * Writes a matter after its ủy thác step (as save does) together with the proposal the receiving
   * unit opens, all or none. Throws MatterVersionConflictError when either is refused.
   */
  saveTransfer(item: MatterItem, receiving: MatterProposal): Promise<void>;
}

/** Every matter staff opened, page by page: what a rebuild of the report aggregates reads. */
export interface MatterArchive {
  allMatters(): AsyncIterable<MatterItem>;
}
