/**
 * Signing in with Cognito on AWS: InitiateAuth with USER_PASSWORD_AUTH, then the TOTP code when the
 * user pool asks for it (MFA is required). The ID token is read only to label the screen; the API
 * verifies it.
 */
import { decodeJwt } from "jose";
import { ApiError, type SignedInUser } from "../api/client.ts";
import type { AuthConfig } from "../config.ts";
import { MESSAGES } from "../text.ts";

export interface Session {
  token: string;
  expiresAt: number;
  user: SignedInUser;
}

type CognitoConfig = Extract<AuthConfig, { mode: "cognito" }>;

/** Signed in, or the pool wants the authenticator app's code for this sign-in. */
export type CognitoStep = { session: Session } | { mfa: { username: string; session: string } };

interface AuthAnswer {
  AuthenticationResult?: { IdToken: string; ExpiresIn: number };
  ChallengeName?: string;
  Session?: string;
}

async function cognito(config: CognitoConfig, action: "InitiateAuth" | "RespondToAuthChallenge", body: object): Promise<AuthAnswer> {
  let response: Response;
  try {
    response = await fetch(`https://cognito-idp.${config.region}.amazonaws.com/`, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityProviderService.${action}` },
      body: JSON.stringify({ ClientId: config.clientId, ...body }),
    });
  } catch {
    throw new ApiError(0, MESSAGES.networkError);
  }
  if (!response.ok) throw new ApiError(401, action === "InitiateAuth" ? MESSAGES.wrongPassword : MESSAGES.wrongCode);
  return (await response.json()) as AuthAnswer;
}

/** The session an ID token opens: the role from the user's group, the court or unit from its attributes. */
function sessionOf(username: string, result: NonNullable<AuthAnswer["AuthenticationResult"]>): Session {
  const claims = decodeJwt(result.IdToken);
  const groups = (claims["cognito:groups"] as string[] | undefined) ?? [];
  const role = (["leader", "staff", "court"] as const).find((group) => groups.includes(group)) ?? "court";
  const courtId = claims["custom:courtId"];
  const unitId = claims["custom:unitId"];
  return {
    token: result.IdToken,
    expiresAt: Date.now() + result.ExpiresIn * 1000,
    user: { username, role, ...(typeof courtId === "string" && { courtId }), ...(typeof unitId === "string" && { unitId }) },
  };
}

function next(username: string, answer: AuthAnswer): CognitoStep {
  if (answer.AuthenticationResult) return { session: sessionOf(username, answer.AuthenticationResult) };
  if (answer.ChallengeName === "SOFTWARE_TOKEN_MFA" && answer.Session) return { mfa: { username, session: answer.Session } };
  // a first sign-in (new password, authenticator set-up) is done with the administrator
  throw new ApiError(401, MESSAGES.accountNotReady);
}

export async function cognitoSignIn(config: CognitoConfig, username: string, password: string): Promise<CognitoStep> {
  return next(username, await cognito(config, "InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD: password } }));
}

export async function cognitoMfa(config: CognitoConfig, pending: { username: string; session: string }, code: string): Promise<CognitoStep> {
  const answer = await cognito(config, "RespondToAuthChallenge", {
    ChallengeName: "SOFTWARE_TOKEN_MFA",
    Session: pending.session,
    ChallengeResponses: { USERNAME: pending.username, SOFTWARE_TOKEN_MFA_CODE: code },
  });
  return next(pending.username, answer);
}
