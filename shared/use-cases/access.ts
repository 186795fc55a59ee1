/** The use cases' side of authorisation: the domain's refusals (shared/domain/access.ts) as 403 errors. */
import { unitRefusal, unitScope, type Caller } from "../domain/access.ts";
import { ForbiddenError } from "../errors.ts";

/** Refuses (ForbiddenError) a caller who may not read or change what belongs to `unitId`. */
export function assertUnitAccess(caller: Caller, unitId: string | null, access: "read" | "change"): void {
  const refusal = unitRefusal(caller, unitId, access);
  if (refusal) throw new ForbiddenError(refusal);
}

/**
 * The unit a list or search is limited to for this caller: staff get their own whatever they asked for
 * (asking for another unit's is refused), leaders what they asked for (undefined: every unit).
 */
export function scopedUnit(caller: Caller, asked: string | undefined): string | undefined {
  const scope = unitScope(caller);
  if ("code" in scope) throw new ForbiddenError(scope);
  if (scope.unitId === undefined) return asked;
  if (asked !== undefined && asked !== scope.unitId) assertUnitAccess(caller, asked, "read");
  return scope.unitId;
}
