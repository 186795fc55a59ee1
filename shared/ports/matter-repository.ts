import type { Obstacle } from "../domain/lifecycle/matter.ts";
import type { MatterState } from "../domain/lifecycle/states.ts";
import type { EnforcementMode, MatterProposal } from "../domain/matters/types.ts";
import type { MatterRow } from "../domain/matters/worklist.ts";
import type { MatterItem } from "../domain/report/incremental.ts";
import type { Page, PageRequest } from "./case-repository.ts";

/** What a case has become on the enforcement side: the matters intake proposed and those staff opened. */
export interface CaseMatters {
  proposals: MatterProposal[];
  matters: MatterItem[];
  /** Set when the case's last correction may no longer match matters already opened. */
  notice?: CorrectionNotice;
}

/**
 * What worklists filter by. Every list names a unit or an executor, whose index partition it
 * reads; the other criteria filter within it.
 */
export interface MatterListFilter {
  unitId?: string | undefined;
  /** The executor's name, compared with diacritics and case folded. */
  executor?: string | undefined;
  state?: MatterState | undefined;
  mode?: EnforcementMode | undefined;
  creditInstitution?: boolean | undefined;
  /** ISO date: only matters thụ lý strictly before it. */
  openedBefore?: string | undefined;
}

/** The case's notice about opened matters a correction may have left behind. */
export interface CorrectionNotice {
  /** The case version the correction made. */
  caseVersion: number;
  matterIds: string[];
  message: string;
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
  /**
   * After a case correction: replaces proposals nobody opened by those derived again (an id in
   * both is overwritten) and sets the case's notice (or clears it when null), all or none. Throws
   * ProposalsChangedError when a proposal to replace is gone or was opened meanwhile.
   */
  reproposeAfterCorrection(caseId: string, removed: readonly string[], added: readonly MatterProposal[], notice: CorrectionNotice | null): Promise<void>;
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
  /** The case's notice about opened matters its last correction may no longer match; null when there is none. */
  correctionNotice(caseId: string): Promise<CorrectionNotice | null>;
  /** Appends an obstacle to a matter without changing its version; null when there is no such matter. */
  noteObstacle(caseId: string, matterId: string, obstacle: Obstacle): Promise<MatterItem | null>;
  /** A page of a worklist, oldest thụ lý first; reads index partitions only. */
  list(filter: MatterListFilter, page: PageRequest): Promise<Page<MatterRow>>;
  /** Every open matter where a credit institution is a party, of one unit or all, by unit then date of thụ lý. */
  openCreditMatters(unitId?: string): Promise<MatterRow[]>;
}

/** Every matter staff opened, page by page: what a rebuild of the report aggregates reads. */
export interface MatterArchive {
  allMatters(): AsyncIterable<MatterItem>;
}
