/**
 * The local stand-in for the Cognito user pool: demo users of each role, sign-in with a user name
 * and password, and ID tokens shaped as Cognito's (RS256, `token_use` "id", `cognito:username`,
 * `cognito:groups`, `custom:courtId`, `custom:unitId`), signed with a key pair made once per data
 * folder. Its public keys are served as a JWKS, which the local API's JWT authoriser verifies
 * against (local/jwt-authorizer.ts), as API Gateway verifies Cognito's. Passwords are kept only as
 * scrypt hashes.
 */
import { randomBytes, randomUUID, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK, type JWTPayload } from "jose";
import { CLAIMS } from "#adapters/aws/caller.ts";
import type { Caller, Role } from "#domain/access.ts";
import { reason } from "#domain/review-reasons.ts";
import { z } from "zod";
import { DEFAULT_COURT_ID } from "./courts.ts";
import type { Endpoint } from "./http-api.ts";
import { jwtAuthorizer, type Authorizer } from "./jwt-authorizer.ts";

/** What the local API's authoriser requires of a token, as API Gateway's requires the pool's issuer and the app client. */
export const LOCAL_USER_POOL = {
  issuer: "https://cognito-idp.local/thads-local",
  clientId: "thads-local-console",
  tokenTtlSeconds: 3600,
} as const;

/** The one password of every demo user. Local only: the AWS pool has no demo users. */
export const DEMO_PASSWORD = "thads-demo-2026";

export interface PoolUser {
  username: string;
  role: Role;
  courtId?: string;
  unitId?: string;
}

/** Seeded in every data folder: a user of each role, and a second court and unit to show what each is refused. */
export const DEMO_USERS: readonly (PoolUser & { about: string })[] = [
  { username: "toa-an", role: "court", courtId: DEFAULT_COURT_ID, about: "tòa án 'thads ingest' gửi thay khi không nêu --court" },
  { username: "toa-an-2", role: "court", courtId: "tand-binh-luc", about: "tòa án khác (Bình Lục): npm start gửi bản án mẫu 27/2024/DS-ST thay tòa này" },
  { username: "can-bo", role: "staff", unitId: "ninh-binh-kv-7", about: "cán bộ đơn vị nhận bản án mẫu 27/2024/DS-ST" },
  { username: "can-bo-2", role: "staff", unitId: "ninh-binh-kv-4", about: "cán bộ một đơn vị khác" },
  { username: "can-bo-3", role: "staff", unitId: "ninh-binh-kv-8", about: "cán bộ đơn vị nhận bản án mẫu tín dụng ngân hàng (Nam Định)" },
  { username: "lanh-dao", role: "leader", about: "lãnh đạo: xem mọi đơn vị, không sửa" },
];

/** The user the `thads` CLI reads as on this machine's data: the leader, who reads every unit and changes nothing. */
export const CLI_READER = "lanh-dao";
/** The user `thads matters` changes matters as, unless `--as` names another. */
export const CLI_WORKER = "can-bo";

/** A demo user as the use cases see a signed-in caller (the CLI works on this machine's data as one); null for no such user. */
export function demoCaller(username: string): Caller | null {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) return null;
  return { id: user.username, role: user.role, ...(user.courtId !== undefined && { courtId: user.courtId }), ...(user.unitId !== undefined && { unitId: user.unitId }) };
}

interface StoredUser extends PoolUser {
  sub: string;
  salt: string;
  passwordHash: string;
}

export interface SignedIn {
  idToken: string;
  expiresIn: number;
  user: PoolUser;
}

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 };

function hashPassword(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options: ScryptOptions = { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p };
    scrypt(password as BinaryLike, salt, SCRYPT.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

async function seededUser(user: PoolUser): Promise<StoredUser> {
  const salt = randomBytes(16);
  const { username, role, courtId, unitId } = user;
  return {
    username,
    role,
    ...(courtId !== undefined && { courtId }),
    ...(unitId !== undefined && { unitId }),
    sub: randomUUID(),
    salt: salt.toString("base64"),
    passwordHash: (await hashPassword(DEMO_PASSWORD, salt)).toString("base64"),
  };
}

function publicUser({ username, role, courtId, unitId }: StoredUser): PoolUser {
  return { username, role, ...(courtId !== undefined && { courtId }), ...(unitId !== undefined && { unitId }) };
}

export class LocalUserPool {
  private constructor(
    private readonly privateKey: Awaited<ReturnType<typeof importJWK>>,
    private readonly publicJwk: JWK,
    private readonly users: ReadonlyMap<string, StoredUser>,
  ) {}

  /**
   * The pool of a data folder: its key pair and users, made on first use and kept in `folder`
   * (the private key readable by the owner only); null keeps them in memory (tests).
   */
  static async open(folder: string | null): Promise<LocalUserPool> {
    const keyFile = folder === null ? null : join(folder, "signing-key.json");
    const usersFile = folder === null ? null : join(folder, "users.json");
    if (folder !== null) mkdirSync(folder, { recursive: true, mode: 0o700 });

    let privateJwk: JWK;
    if (keyFile !== null && existsSync(keyFile)) privateJwk = JSON.parse(readFileSync(keyFile, "utf8")) as JWK;
    else {
      const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
      privateJwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: "RS256", use: "sig" };
      if (keyFile !== null) writeFileSync(keyFile, `${JSON.stringify(privateJwk)}\n`, { mode: 0o600 });
    }
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;

    const stored = usersFile !== null && existsSync(usersFile) ? (JSON.parse(readFileSync(usersFile, "utf8")) as StoredUser[]) : [];
    const missing = DEMO_USERS.filter((demo) => !stored.some((user) => user.username === demo.username));
    const users = [...stored, ...(await Promise.all(missing.map(seededUser)))];
    if (usersFile !== null && missing.length > 0) writeFileSync(usersFile, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });

    const privateKey = await importJWK(privateJwk, "RS256");
    return new LocalUserPool(privateKey, publicJwk, new Map(users.map((user) => [user.username, user])));
  }

  /** The public keys tokens are verified with (served at /.well-known/jwks.json). */
  jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk] };
  }

  /** An ID token for the user with this password, or null for a wrong user name or password (which take the same time). */
  async signIn(username: string, password: string): Promise<SignedIn | null> {
    const user = this.users.get(username);
    const salt = user ? Buffer.from(user.salt, "base64") : randomBytes(16);
    const hash = await hashPassword(password, salt);
    if (!user || !timingSafeEqual(hash, Buffer.from(user.passwordHash, "base64"))) return null;
    const now = Math.floor(Date.now() / 1000);
    const idToken = await this.sign({
      sub: user.sub,
      aud: LOCAL_USER_POOL.clientId,
      iss: LOCAL_USER_POOL.issuer,
      token_use: "id",
      auth_time: now,
      iat: now,
      exp: now + LOCAL_USER_POOL.tokenTtlSeconds,
      [CLAIMS.username]: user.username,
      [CLAIMS.groups]: [user.role],
      ...(user.courtId !== undefined && { [CLAIMS.courtId]: user.courtId }),
      ...(user.unitId !== undefined && { [CLAIMS.unitId]: user.unitId }),
    });
    return { idToken, expiresIn: LOCAL_USER_POOL.tokenTtlSeconds, user: publicUser(user) };
  }

  /** Signs these claims with the pool's key, as they are (sign-in's tokens; tests make expired or foreign ones with it). */
  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: this.publicJwk.kid!, typ: "JWT" }).sign(this.privateKey);
  }
}

const SignInRequest = z.object({ username: z.string().min(1).max(128), password: z.string().min(1).max(256) });

/** The pool's endpoints on the local API: `POST /auth/sign-in` and `GET /.well-known/jwks.json`. */
export function userPoolEndpoints(pool: LocalUserPool): Endpoint[] {
  return [
    { method: "GET", path: "/.well-known/jwks.json", answer: async () => ({ statusCode: 200, body: pool.jwks() }) },
    {
      method: "POST",
      path: "/auth/sign-in",
      answer: async (body) => {
        let parsed: z.infer<typeof SignInRequest> | null = null;
        try {
          parsed = SignInRequest.parse(JSON.parse(body));
        } catch {
          return { statusCode: 400, body: { error: "InvalidRequestError", ...reason("request.invalid", { fields: "username, password" }) } };
        }
        const signedIn = await pool.signIn(parsed.username, parsed.password);
        return signedIn ? { statusCode: 200, body: signedIn } : { statusCode: 401, body: { error: "NotAuthorized", ...reason("auth.sign-in-failed", {}) } };
      },
    },
  ];
}

/** The authoriser of the local API: the pool's tokens only. */
export const poolAuthorizer = (pool: LocalUserPool): Authorizer => jwtAuthorizer({ issuer: LOCAL_USER_POOL.issuer, audience: LOCAL_USER_POOL.clientId, jwks: pool.jwks() });
