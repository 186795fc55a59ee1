/**
 * Lifecycle states of one enforcement matter (việc). "enforceable" is có điều kiện before any
 * narrower status is recorded; the report counts it under "khác".
 */
export const MATTER_STATES = [
  "accepted", // thụ lý
  "enforceable", // có điều kiện thi hành
  "not_enforceable", // chưa có điều kiện thi hành
  "in_progress", // đang thi hành
  "postponed", // hoãn
  "suspended", // tạm đình chỉ
  "completed", // thi hành xong
  "terminated", // đình chỉ
  "transferred", // ủy thác to another agency
] as const;
export type MatterState = (typeof MATTER_STATES)[number];

export const STATE_LABELS: Record<MatterState, string> = {
  accepted: "thụ lý",
  enforceable: "có điều kiện thi hành",
  not_enforceable: "chưa có điều kiện thi hành",
  in_progress: "đang thi hành",
  postponed: "hoãn",
  suspended: "tạm đình chỉ",
  completed: "thi hành xong",
  terminated: "đình chỉ",
  transferred: "ủy thác",
};

/**
 * Allowed moves. Collecting money and finishing need có điều kiện, so a matter verified as
 * chưa có điều kiện is first reclassified; a suspended matter resumes before it completes.
 */
export const TRANSITIONS: Record<MatterState, readonly MatterState[]> = {
  accepted: ["enforceable", "not_enforceable", "transferred"],
  enforceable: ["in_progress", "postponed", "suspended", "completed", "terminated", "not_enforceable", "transferred"],
  in_progress: ["postponed", "suspended", "completed", "terminated", "not_enforceable", "transferred"],
  postponed: ["in_progress", "suspended", "completed", "terminated", "not_enforceable", "transferred"],
  suspended: ["in_progress", "terminated", "not_enforceable"],
  not_enforceable: ["enforceable", "transferred"],
  completed: [],
  terminated: [],
  transferred: [],
};

/** States counted under có điều kiện thi hành at a period's end. */
export const ENFORCEABLE_STATES: ReadonlySet<MatterState> = new Set(["enforceable", "in_progress", "postponed", "suspended", "completed", "terminated"]);
/** States in which money may be collected. */
export const COLLECTING_STATES: ReadonlySet<MatterState> = new Set(["enforceable", "in_progress", "postponed"]);
/** States in which the amount owed may be reduced (giảm): any open, classified state. */
export const REDUCIBLE_STATES: ReadonlySet<MatterState> = new Set(["enforceable", "in_progress", "postponed", "suspended", "not_enforceable"]);
export const CLOSED_STATES: ReadonlySet<MatterState> = new Set(["completed", "terminated", "transferred"]);
