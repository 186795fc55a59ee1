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

/** The court a caller uploads for; ForbiddenError unless it called through a court uploader role. */
export function callerCourt(event: IamRequestContext, courtRolePrefix: string): string {
  const role = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/([^/]+)\//.exec(callerArn(event))?.[1];
  if (!role?.startsWith(courtRolePrefix) || role.length === courtRolePrefix.length) throw new ForbiddenError(reason("request.not-court-uploader", {}));
  return role.slice(courtRolePrefix.length);
}
