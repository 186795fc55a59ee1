import { foldVietnamese } from "../text/fold.ts";
import { baseOf } from "./edit.ts";
import { withLines } from "./propose.ts";
import type { MatterProposal } from "./types.ts";

export interface Reproposal {
  /** Stored proposals nobody opened, derived from the case before its correction. */
  removed: string[];
  /** Proposals derived from the corrected case, less the obligations opened matters already hold. */
  added: MatterProposal[];
  /** Opened matters whose proposal the corrected case no longer derives as it was. */
  mismatched: string[];
}

function sameMatter(a: MatterProposal, b: MatterProposal): boolean {
  return (
    foldVietnamese(a.debtor) === foldVietnamese(b.debtor) &&
    foldVietnamese(a.creditor) === foldVietnamese(b.creditor) &&
    a.mode === b.mode &&
    a.amountVnd === b.amountVnd &&
    a.unitId === b.unitId &&
    a.judgmentType === b.judgmentType &&
    a.creditInstitution === b.creditInstitution
  );
}

/**
 * What a correction of a case does to its proposals: those nobody opened are replaced by the ones
 * derived again (staff-added proposals stay, they come from no obligation); opened matters stay as
 * they are, their obligations are left out of the new proposals, and those whose proposal would now
 * come out differently are named for the notice.
 */
export function reproposal(stored: readonly MatterProposal[], openedIds: ReadonlySet<string>, derived: readonly MatterProposal[]): Reproposal {
  const opened = stored.filter((proposal) => openedIds.has(proposal.id));
  const held = new Set(opened.flatMap((proposal) => proposal.lines.map((line) => line.obligationIndex)));
  const added = derived.flatMap((proposal) => {
    const lines = proposal.lines.filter((line) => !held.has(line.obligationIndex));
    if (lines.length === 0) return [];
    return lines.length === proposal.lines.length ? [proposal] : [withLines(baseOf(proposal), lines)];
  });
  return {
    removed: stored.filter((proposal) => !openedIds.has(proposal.id) && !proposal.addedBy).map((proposal) => proposal.id),
    added,
    mismatched: opened
      .filter((proposal) => !proposal.addedBy)
      .filter((proposal) => {
        const now = derived.find((candidate) => candidate.id === proposal.id);
        return !now || !sameMatter(now, proposal);
      })
      .map((proposal) => proposal.id),
  };
}
