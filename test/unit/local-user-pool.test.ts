/**
 * The local user pool (demo users, sign-in, ID tokens, JWKS) and the JWT authoriser the local API
 * runs where API Gateway runs its own.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtAuthorizer } from "../../local/jwt-authorizer.ts";
import { DEMO_PASSWORD, DEMO_USERS, LOCAL_USER_POOL, LocalUserPool, poolAuthorizer } from "../../local/user-pool.ts";

let folder: string;
let pool: LocalUserPool;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "thads-user-pool-"));
  pool = await LocalUserPool.open(folder);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const now = () => Math.floor(Date.now() / 1000);
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;

describe("local user pool", () => {
  it("signs in each demo user with the demo password and issues a Cognito-shaped ID token for its role, court and unit", async () => {
    const signedIn = await pool.signIn("can-bo", DEMO_PASSWORD);

    expect(signedIn).toMatchObject({ expiresIn: 3600, user: { username: "can-bo", role: "staff", unitId: "ninh-binh-kv-7" } });
    expect(claimsOf(signedIn!.idToken)).toMatchObject({
      iss: LOCAL_USER_POOL.issuer,
      aud: LOCAL_USER_POOL.clientId,
      token_use: "id",
      "cognito:username": "can-bo",
      "cognito:groups": ["staff"],
      "custom:unitId": "ninh-binh-kv-7",
    });
    expect((await pool.signIn("toa-an", DEMO_PASSWORD))?.user).toEqual({ username: "toa-an", role: "court", courtId: "tand-tinh-ninh-binh" });
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    expect(await pool.signIn("can-bo", "sai-mat-khau")).toBeNull();
    expect(await pool.signIn("khong-co", DEMO_PASSWORD)).toBeNull();
  });

  it("keeps its key pair and users in the data folder, passwords only as scrypt hashes, and reuses them when opened again", async () => {
    const stored = await readFile(join(folder, "users.json"), "utf8");
    const again = await LocalUserPool.open(folder);
    const token = (await pool.signIn("lanh-dao", DEMO_PASSWORD))!.idToken;

    expect(stored).not.toContain(DEMO_PASSWORD);
    expect((JSON.parse(stored) as { username: string }[]).map((user) => user.username)).toEqual(DEMO_USERS.map((user) => user.username));
    expect(again.jwks()).toEqual(pool.jwks());
    expect(await poolAuthorizer(again)(`Bearer ${token}`)).toMatchObject({ "cognito:username": "lanh-dao" });
  });

  it("publishes only the public part of its key", () => {
    const [key] = pool.jwks().keys;

    expect(Object.keys(key!).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
  });
});

describe("local JWT authoriser", () => {
  const authorize = () => poolAuthorizer(pool);
  const valid = { sub: "u-1", aud: LOCAL_USER_POOL.clientId, iss: LOCAL_USER_POOL.issuer, token_use: "id", "cognito:username": "can-bo", "cognito:groups": ["staff", "leader"] };

  it("passes a valid ID token's claims on as API Gateway does: every value a string, a list as [a b]", async () => {
    const token = (await pool.signIn("can-bo", DEMO_PASSWORD))!.idToken;

    const claims = await authorize()(`Bearer ${token}`);

    expect(claims).toMatchObject({ "cognito:username": "can-bo", "cognito:groups": "[staff]", "custom:unitId": "ninh-binh-kv-7", token_use: "id" });
    expect(Object.values(claims!).every((value) => typeof value === "string")).toBe(true);
    expect((await authorize()(`Bearer ${await pool.sign({ ...valid, iat: now(), exp: now() + 60 })}`))?.["cognito:groups"]).toBe("[staff leader]");
  });

  it.each([
    ["no header", async () => undefined],
    ["a header that is no bearer token", async () => "Basic Y2FuLWJvOnRoYWRz"],
    ["an expired token", async () => `Bearer ${await pool.sign({ ...valid, iat: now() - 7200, exp: now() - 3600 })}`],
    ["another issuer", async () => `Bearer ${await pool.sign({ ...valid, iss: "https://cognito-idp.local/other", iat: now(), exp: now() + 60 })}`],
    ["another app client", async () => `Bearer ${await pool.sign({ ...valid, aud: "other-client", iat: now(), exp: now() + 60 })}`],
    ["an access token", async () => `Bearer ${await pool.sign({ ...valid, token_use: "access", iat: now(), exp: now() + 60 })}`],
    ["a token without expiry", async () => `Bearer ${await pool.sign({ ...valid, iat: now() })}`],
    [
      "a token whose claims were changed after signing",
      async () => {
        const [header, , signature] = (await pool.signIn("toa-an", DEMO_PASSWORD))!.idToken.split(".");
        const forged = Buffer.from(JSON.stringify({ ...valid, iat: now(), exp: now() + 60 })).toString("base64url");
        return `Bearer ${header}.${forged}.${signature}`;
      },
    ],
    [
      "a token signed with another key",
      async () => {
        const { privateKey } = await generateKeyPair("RS256");
        const kid = pool.jwks().keys[0]!.kid!;
        return `Bearer ${await new SignJWT({ ...valid, iat: now(), exp: now() + 60 }).setProtectedHeader({ alg: "RS256", kid }).sign(privateKey)}`;
      },
    ],
    ["an unsigned token", async () => `Bearer ${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ ...valid, exp: now() + 60 })).toString("base64url")}.`],
  ])("refuses %s", async (_, header) => {
    expect(await authorize()(await header())).toBeNull();
  });

  it("verifies against the JWKS it is given, not a key of its own", async () => {
    const other = jwtAuthorizer({ issuer: LOCAL_USER_POOL.issuer, audience: LOCAL_USER_POOL.clientId, jwks: { keys: [] } });
    const token = (await pool.signIn("can-bo", DEMO_PASSWORD))!.idToken;

    expect(await other(`Bearer ${token}`)).toBeNull();
  });
});
