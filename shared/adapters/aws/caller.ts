/**
 * Who is calling, from the IAM identity API Gateway verified (routes use IAM authorisation).
 * Courts and staff call through IAM roles; a court's role is named `<prefix><courtId>`
 * (e.g. thads-court-tand-phu-ly), so its court is read from the role and never from the request.
 */
import { reason } from "../../domain/review-reasons.ts";
import { ForbiddenError } from "../../errors.ts";

interface IamRequestContext {
  requestContext: { authorizer?: { iam?: { userArn?: string | undefined } | undefined } | undefined };
}

/** The caller's IAM principal ARN, recorded in audit entries. */
export function callerArn(event: IamRequestContext): string {
  const arn = event.requestContext.authorizer?.iam?.userArn;
  if (!arn) throw new ForbiddenError(reason("request.no-identity", {}));
  return arn;
}

/** The court whose uploader role the caller assumed, or null for any other caller. */
function courtOfCaller(event: IamRequestContext, courtRolePrefix: string): string | null {
  const role = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/([^/]+)\//.exec(callerArn(event))?.[1];
  return role?.startsWith(courtRolePrefix) && role.length > courtRolePrefix.length ? role.slice(courtRolePrefix.length) : null;
}

/** The court a caller uploads for; ForbiddenError unless it called through a court uploader role. */
export function callerCourt(event: IamRequestContext, courtRolePrefix: string): string {
  const court = courtOfCaller(event, courtRolePrefix);
  if (court === null) throw new ForbiddenError(reason("request.not-court-uploader", {}));
  return court;
}

/**
 * Refuses (ForbiddenError) a caller of a staff route that carries no IAM identity or a court
 * uploader's: IAM lets only staff roles invoke these routes, and the handler holds to that too.
 */
export function assertStaffCaller(event: IamRequestContext, courtRolePrefix: string): void {
  if (courtOfCaller(event, courtRolePrefix) !== null) throw new ForbiddenError(reason("request.staff-only", {}));
}
