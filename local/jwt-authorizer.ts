/**
 * The local stand-in for API Gateway's JWT authoriser, and the one place the local stack verifies
 * tokens: the bearer token must be signed by a key of the pool's JWKS, name the pool as issuer and
 * the app client as audience, be an ID token and not be expired (jose checks signature, algorithm,
 * issuer, audience and times). The claims come out as API Gateway's HTTP API passes them to the
 * function (`requestContext.authorizer.jwt.claims`): every value a string, a list as "[a b]".
 */
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from "jose";

export interface JwtAuthorizerSettings {
  issuer: string;
  /** The app client id, the ID token's `aud`. */
  audience: string;
  jwks: JSONWebKeySet;
}

/** The verified claims, as API Gateway writes them into the event. */
export type JwtClaims = Record<string, string>;

/** Verifies an `Authorization` header; null when there is no valid bearer ID token in it. */
export type Authorizer = (authorization: string | undefined) => Promise<JwtClaims | null>;

function asApiGatewayClaim(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(String).join(" ")}]`;
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

export function jwtAuthorizer(settings: JwtAuthorizerSettings): Authorizer {
  const keys = createLocalJWKSet(settings.jwks);
  return async (authorization) => {
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization?.trim() ?? "")?.[1];
    if (token === undefined) return null;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ["RS256"],
        requiredClaims: ["exp", "iat", "sub", "token_use"],
      });
      if (payload.token_use !== "id") return null;
      return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, asApiGatewayClaim(value)]));
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  };
}
