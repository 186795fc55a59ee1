/**
 * Who is signed in. Locally the stack issues the token (POST /auth/sign-in); on AWS Cognito does
 * (InitiateAuth, USER_PASSWORD_AUTH). The token goes with every API call; the API decides what each
 * role may do. The session lasts as long as the token, in this tab only (sessionStorage).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { createApiClient, type ApiClient, type Role, type SignedInUser } from "../api/client.ts";
import { cognitoMfa, cognitoSignIn, type CognitoStep, type Session } from "./cognito.ts";
import type { ConsoleConfig } from "../config.ts";
import { MESSAGES } from "../text.ts";

interface SessionContext {
  config: ConsoleConfig;
  api: ApiClient;
  user: SignedInUser | null;
  notice: string | null;
  /** The user signed in, or "mfa" when the code of the user's authenticator app is needed next (Cognito). */
  signIn(username: string, password: string): Promise<SignedInUser | "mfa">;
  confirmMfa(code: string): Promise<SignedInUser | "mfa">;
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

export function SessionProvider({ config, children }: { config: ConsoleConfig; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const [notice, setNotice] = useState<string | null>(null);
  const [pendingMfa, setPendingMfa] = useState<{ username: string; session: string } | null>(null);

  const end = useCallback((why: string | null) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
    setNotice(why);
  }, []);

  const api = useMemo(
    () => createApiClient({ apiUrl: config.apiUrl, token: () => storedSession()?.token ?? null, onUnauthorised: () => end(MESSAGES.sessionExpired) }),
    [config.apiUrl, end],
  );

  const begin = useCallback((step: CognitoStep): SignedInUser | "mfa" => {
    if ("mfa" in step) {
      setPendingMfa(step.mfa);
      return "mfa";
    }
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(step.session));
    setPendingMfa(null);
    setSession(step.session);
    setNotice(null);
    return step.session.user;
  }, []);

  const value = useMemo<SessionContext>(
    () => ({
      config,
      api,
      user: session?.user ?? null,
      notice,
      async signIn(username, password) {
        if (config.auth.mode === "cognito") return begin(await cognitoSignIn(config.auth, username, password));
        const answer = await api.signIn(username, password);
        return begin({ session: { token: answer.idToken, expiresAt: Date.now() + answer.expiresIn * 1000, user: answer.user } });
      },
      async confirmMfa(code) {
        if (config.auth.mode !== "cognito" || pendingMfa === null) throw new Error("no sign-in waits for a code");
        return begin(await cognitoMfa(config.auth, pendingMfa, code));
      },
      signOut: () => end(null),
    }),
    [config, api, session, notice, end, begin, pendingMfa],
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
