import { balanceVnd, type MatterEvent } from "#domain/lifecycle/matter.ts";
import { STATE_LABELS } from "#domain/lifecycle/states.ts";
import type { EnforcementMode, MatterProposal } from "#domain/matters/types.ts";
import { daysBetween, type MatterRow } from "#domain/matters/worklist.ts";
import type { MatterItem } from "#domain/report/incremental.ts";
import { vietnamDate } from "#domain/report/periods.ts";
import { date, money } from "./case-summary.ts";

const MODES: Record<EnforcementMode, string> = { ex_officio: "chủ động", on_request: "theo đơn" };

/** One line per proposal intake made and nobody opened yet. */
export function formatProposal(proposal: MatterProposal): string {
  return `  ${proposal.id}  ${MODES[proposal.mode]}  ${proposal.debtor} -> ${proposal.creditor}: ${money(proposal.amountVnd)}; đơn vị: ${proposal.unitId ?? "(chưa xác định)"}`;
}

/** One line per opened matter: where it stands and the money. */
export function formatMatterLine(matter: MatterItem): string {
  return `  ${matter.id}  ${STATE_LABELS[matter.state]}  phải thi hành ${money(matter.owedVnd)}, đã thu ${money(matter.collectedVnd)} (phiên bản ${matter.version})`;
}

/** One line per matter of a worklist: where it stands, for how long, and the money. */
export function formatMatterRow(row: MatterRow, now: string): string {
  const age = daysBetween(row.openedOn, vietnamDate(now));
  return `  ${row.id}  ${row.unitId}  ${STATE_LABELS[row.state]}  thụ lý ${date(row.openedOn)} (${age} ngày)  ${MODES[row.mode]}${row.creditInstitution ? ", tín dụng" : ""}  ${row.debtor} -> ${row.creditor}: phải thi hành ${money(row.owedVnd)}, đã thu ${money(row.collectedVnd)}; chấp hành viên: ${row.executor ?? "(chưa phân công)"}`;
}

function formatEvent(event: MatterEvent): string {
  const move = event.from === null || event.from === event.to ? STATE_LABELS[event.to] : `${STATE_LABELS[event.from]} -> ${STATE_LABELS[event.to]}`;
  const what = event.type === "collect" ? `thu ${money(event.amountVnd)}${event.receipt ? `, biên lai ${event.receipt}` : ""}` : event.type === "reduce" ? `giảm ${money(event.amountVnd)}` : move;
  return `  ${event.seq}. ${date(vietnamDate(event.at))}  ${what}  (${event.by}): ${event.reason}`;
}

/** A matter in full: who, what is owed and collected, and its audited history. */
export function formatMatter(matter: MatterItem): string {
  return [
    `Việc thi hành án ${matter.id}`,
    `Hồ sơ:            ${matter.caseId}`,
    `Đơn vị:           ${matter.unitId}; chấp hành viên: ${matter.executor ?? "(chưa phân công)"}`,
    `Quyết định THA:   ${matter.decision ? `số ${matter.decision.number} ngày ${date(matter.decision.date)}` : "(chưa ghi)"}`,
    `Loại việc:        ${MODES[matter.mode]}; ${matter.debtor} -> ${matter.creditor}`,
    `Trạng thái:       ${STATE_LABELS[matter.state]} (phiên bản ${matter.version})`,
    `Tiền:             phải thi hành ${money(matter.owedVnd)}; đã thu ${money(matter.collectedVnd)}; còn lại ${money(balanceVnd(matter))}`,
    "Diễn biến:",
    ...matter.events.map(formatEvent),
    ...(matter.obstacles ? ["Vướng mắc:", ...matter.obstacles.map((obstacle) => `  ${date(vietnamDate(obstacle.at))}  (${obstacle.by}): ${obstacle.note}`)] : []),
  ].join("\n") + "\n";
}
