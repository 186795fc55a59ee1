/**
 * The semiannual report from the stored cases (the local stack's `thads report`). No matters are
 * stored yet (staff accept them from proposals), so each stored case's proposed matters stand in
 * for them, opened on the day the case was received; proposals without a receiving unit are left
 * out and counted.
 */
import { haNamNinhBinhDirectory } from "../domain/agencies/ha-nam-ninh-binh.ts";
import type { AgencyDirectory } from "../domain/agencies/directory.ts";
import type { MatterEvent } from "../domain/lifecycle/matter.ts";
import { acceptProposal } from "../domain/matters/edit.ts";
import { proposeMatters } from "../domain/matters/propose.ts";
import { buildReport, type Report } from "../domain/report/build-report.ts";
import type { MatterFacts } from "../domain/report/rollup.ts";
import { reason } from "../domain/review-reasons.ts";
import type { StoredCase } from "../domain/stored-case.ts";
import type { CaseArchive } from "../ports/case-repository.ts";

export interface ProposedMatters {
  matters: MatterFacts[];
  events: MatterEvent[];
  /** Proposals left out because no unit receives the case's court. */
  unassigned: number;
}

/** Matters proposed from stored cases and accepted as proposed, each with its intake event. */
export function mattersFromCases(cases: Iterable<StoredCase>, directory: AgencyDirectory): ProposedMatters {
  const result: ProposedMatters = { matters: [], events: [], unassigned: 0 };
  for (const stored of cases) {
    for (const proposal of proposeMatters(stored, { caseId: stored.caseId, receivedOn: stored.receivedAt.slice(0, 10), directory })) {
      if (proposal.unitId === null) {
        result.unassigned += 1;
        continue;
      }
      const { matter, event } = acceptProposal(proposal, { matterId: proposal.id, actor: { by: "thads-local", at: stored.receivedAt, reason: "proposed from the stored case" } });
      result.matters.push(matter);
      result.events.push(event);
    }
  }
  return result;
}

/** The report of `period` (e.g. "2026-H1") from every stored case. */
export async function reportFromStoredCases(archive: CaseArchive, period: string, directory = haNamNinhBinhDirectory()): Promise<{ report: Report; cases: number; unassigned: number }> {
  const stored: StoredCase[] = [];
  for await (const record of archive.allCases()) stored.push(record);
  const { matters, events, unassigned } = mattersFromCases(stored, directory);
  const report = buildReport({ matters, events, period, options: { directory } });
  if (unassigned > 0) report.notes.push(reason("report.unassigned-left-out", { count: unassigned }).message);
  return { report, cases: stored.length, unassigned };
}
