/**
 * Who is calling, from the claims of the ID token API Gateway's JWT authoriser verified (the Cognito
 * user pool on AWS, the local stack's stand-in locally): the user's group is the role, its custom
 * attributes the court or unit. The client cannot write those attributes, so a court's id and a unit
 * are never read from the request. The same code reads the event on AWS and locally.
 */
import { ROLES, routeRefusal, type Caller, type Role } from "../../domain/access.ts";
import { reason } from "../../domain/review-reasons.ts";
import { ForbiddenError } from "../../errors.ts";

type ClaimValue = string | number | boolean | readonly string[];

export interface JwtRequestContext {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, ClaimValue> | undefined } | undefined } | undefined };
}

/** The user pool's custom attributes (infra/stateful-stack.ts); a token carries each as `custom:<name>`. */
export const CUSTOM_ATTRIBUTES = { courtId: "courtId", unitId: "unitId" } as const;

/** The user pool claims a caller is read from (Cognito's names). */
export const CLAIMS = {
  username: "cognito:username",
  groups: "cognito:groups",
  courtId: `custom:${CUSTOM_ATTRIBUTES.courtId}`,
  unitId: `custom:${CUSTOM_ATTRIBUTES.unitId}`,
} as const;

/** A list claim: an array in the token, "[a b]" once API Gateway's HTTP API has flattened it to a string. */
function listClaim(value: ClaimValue | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return [...value];
  return String(value)
    .replace(/^\[|\]$/g, "")
    .split(/[\s,]+/)
    .filter((item) => item !== "");
}

function textClaim(value: ClaimValue | undefined): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** The signed-in caller; ForbiddenError without verified claims, or when the user is in no role group, in several, or lacks its role's court or unit. */
export function callerOf(event: JwtRequestContext): Caller {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const id = textClaim(claims?.[CLAIMS.username]);
  if (!claims || id === undefined) throw new ForbiddenError(reason("request.no-identity", {}));
  const roles = listClaim(claims[CLAIMS.groups]).filter((group): group is Role => (ROLES as readonly string[]).includes(group));
  const courtId = textClaim(claims[CLAIMS.courtId]);
  const unitId = textClaim(claims[CLAIMS.unitId]);
  const role = roles.length === 1 ? roles[0] : undefined;
  if (role === undefined || (role === "court" && courtId === undefined) || (role === "staff" && unitId === undefined)) {
    throw new ForbiddenError(reason("request.no-role", {}));
  }
  return { id, role, ...(role === "court" && { courtId }), ...(role === "staff" && { unitId }) };
}

/** The caller, once it is known to hold one of the route's roles; ForbiddenError otherwise. */
export function authorisedCaller(event: JwtRequestContext, roles: readonly Role[]): Caller {
  const caller = callerOf(event);
  const refusal = routeRefusal(caller, roles);
  if (refusal) throw new ForbiddenError(refusal);
  return caller;
}
