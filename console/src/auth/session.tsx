/**
 * Who is signed in. Locally the stack issues the token (POST /auth/sign-in); on AWS Cognito does
 * (InitiateAuth, USER_PASSWORD_AUTH). The token goes with every API call; the API decides what each
 * role may do. The session lasts as long as the token, in this tab only (sessionStorage).
 */
import { decodeJwt } from "jose";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { ApiError, createApiClient, type ApiClient, type Role, type SignedInUser } from "../api/client.ts";
import type { ConsoleConfig } from "../config.ts";
import { MESSAGES } from "../text.ts";

interface Session {
  token: string;
  expiresAt: number;
  user: SignedInUser;
}

interface SessionContext {
  config: ConsoleConfig;
  api: ApiClient;
  user: SignedInUser | null;
  notice: string | null;
  signIn(username: string, password: string): Promise<SignedInUser>;
  signOut(): void;
}

const STORAGE_KEY = "thads.session";
const Context = createContext<SessionContext | null>(null);

function storedSession(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as Session | null;
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

/** Cognito's answer: the role from the user's group, the court or unit from its attributes. */
async function cognitoSignIn(config: Extract<ConsoleConfig["auth"], { mode: "cognito" }>, username: string, password: string): Promise<Session> {
  const response = await fetch(`https://cognito-idp.${config.region}.amazonaws.com/`, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth" },
    body: JSON.stringify({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: config.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  if (!response.ok) throw new ApiError(401, MESSAGES.wrongPassword);
  const { AuthenticationResult } = (await response.json()) as { AuthenticationResult: { IdToken: string; ExpiresIn: number } };
  // Read only to label the screen; the API verifies the token itself.
  const claims = decodeJwt(AuthenticationResult.IdToken);
  const groups = (claims["cognito:groups"] as string[] | undefined) ?? [];
  const role = (["leader", "staff", "court"] as const).find((group) => groups.includes(group)) ?? "court";
  const courtId = claims["custom:courtId"];
  const unitId = claims["custom:unitId"];
  return {
    token: AuthenticationResult.IdToken,
    expiresAt: Date.now() + AuthenticationResult.ExpiresIn * 1000,
    user: { username, role, ...(typeof courtId === "string" && { courtId }), ...(typeof unitId === "string" && { unitId }) },
  };
}

export function SessionProvider({ config, children }: { config: ConsoleConfig; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const [notice, setNotice] = useState<string | null>(null);

  const end = useCallback((why: string | null) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
    setNotice(why);
  }, []);

  const api = useMemo(
    () => createApiClient({ apiUrl: config.apiUrl, token: () => storedSession()?.token ?? null, onUnauthorised: () => end(MESSAGES.sessionExpired) }),
    [config.apiUrl, end],
  );

  const value = useMemo<SessionContext>(
    () => ({
      config,
      api,
      user: session?.user ?? null,
      notice,
      async signIn(username, password) {
        let started: Session;
        if (config.auth.mode === "cognito") started = await cognitoSignIn(config.auth, username, password);
        else {
          const answer = await api.signIn(username, password);
          started = { token: answer.idToken, expiresAt: Date.now() + answer.expiresIn * 1000, user: answer.user };
        }
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(started));
        setSession(started);
        setNotice(null);
        return started.user;
      },
      signOut: () => end(null),
    }),
    [config, api, session, notice, end],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error("useSession outside SessionProvider");
  return context;
}

/** The page each role starts on. */
export const HOME: Record<Role, string> = { court: "/toa-an", staff: "/ho-so", leader: "/bao-cao" };
