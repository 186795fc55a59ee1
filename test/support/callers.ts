/** Signed-in callers for tests that call the use cases directly (the HTTP tests sign in as the demo users). */
import type { Caller } from "#domain/access.ts";

/** The user name audit entries record for staff in these tests. */
export const STAFF_ID = "chuyenvien";

/** A leader: reads every unit, changes nothing. */
export const LEADER: Caller = { id: "lanhdao", role: "leader" };

/** Staff of one unit. */
export const staffOf = (unitId: string): Caller => ({ id: STAFF_ID, role: "staff", unitId });
