/**
 * Who may do what. People sign in as one of three roles: a court (uploads its judgments and follows
 * what became of them), enforcement staff of one unit (work that unit's cases and matters) and leaders
 * (read every unit, change nothing). Deny by default: anything not granted here is refused.
 */
import { reason, type Reason } from "./review-reasons.ts";

export const ROLES = ["court", "staff", "leader"] as const;
export type Role = (typeof ROLES)[number];

/** The roles as users read them, in refusals. */
export const ROLE_LABELS: Record<Role, string> = { court: "tòa án", staff: "cán bộ thi hành án", leader: "lãnh đạo" };

/** A signed-in person, from the claims the identity provider vouched for. */
export interface Caller {
  /** The user name, recorded in audit entries (never a personal name). */
  id: string;
  role: Role;
  /** Set for a court: the court it uploads for. */
  courtId?: string;
  /** Set for staff: the unit (enforcement agency office) they work in. */
  unitId?: string;
}

/** Why the caller may not call a route open to `roles`, or null when it may. */
export function routeRefusal(caller: Caller, roles: readonly Role[]): Reason | null {
  return roles.includes(caller.role) ? null : reason("request.role-refused", { role: ROLE_LABELS[caller.role] });
}

/**
 * Why the caller may not read (or change) what belongs to `unitId` (null: a case no unit received yet),
 * or null when it may: staff their own unit's, leaders read everything and change nothing, courts
 * neither (they see their uploads only).
 */
export function unitRefusal(caller: Caller, unitId: string | null, access: "read" | "change"): Reason | null {
  if (caller.role === "leader" && access === "read") return null;
  if (caller.role !== "staff") return reason("request.role-refused", { role: ROLE_LABELS[caller.role] });
  if (unitId === null) return reason("request.no-unit", {});
  return unitId === caller.unitId ? null : reason("request.other-unit", { unitId });
}

/** The unit a caller's lists are limited to: staff their own, leaders none (every unit); courts read no case lists. */
export function unitScope(caller: Caller): { unitId: string | undefined } | Reason {
  if (caller.role === "leader") return { unitId: undefined };
  if (caller.role === "staff" && caller.unitId !== undefined) return { unitId: caller.unitId };
  return reason("request.role-refused", { role: ROLE_LABELS[caller.role] });
}
