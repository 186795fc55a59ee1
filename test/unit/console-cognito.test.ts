/** The console's Cognito sign-in: password, then the authenticator's code when the pool asks; Cognito's wire format, with fetch stood in. */
import { UnsecuredJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cognitoMfa, cognitoSignIn } from "../../console/src/auth/cognito.ts";

const config = { mode: "cognito", region: "ap-southeast-1", clientId: "console-client" } as const;
const idToken = new UnsecuredJWT({ "cognito:groups": ["staff"], "custom:unitId": "ninh-binh-kv-7" }).encode();

/** Answers each Cognito call in turn, recording what the console sent. */
function cognitoAnswers(...answers: { status?: number; body: object }[]) {
  const sent: { target: string; body: Record<string, unknown> }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    expect(url).toBe("https://cognito-idp.ap-southeast-1.amazonaws.com/");
    sent.push({ target: (init.headers as Record<string, string>)["x-amz-target"] ?? "", body: JSON.parse(String(init.body)) as Record<string, unknown> });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("console sign-in with Cognito", () => {
  it("asks for the authenticator's code when the pool requires it, then signs in with the role and unit of the token", async () => {
    const sent = cognitoAnswers({ body: { ChallengeName: "SOFTWARE_TOKEN_MFA", Session: "s-1" } }, { body: { AuthenticationResult: { IdToken: idToken, ExpiresIn: 3600 } } });
    const first = await cognitoSignIn(config, "can-bo", "mật khẩu");
    expect(first).toEqual({ mfa: { username: "can-bo", session: "s-1" } });
    const second = await cognitoMfa(config, { username: "can-bo", session: "s-1" }, "123456");
    expect("session" in second && second.session.user).toEqual({ username: "can-bo", role: "staff", unitId: "ninh-binh-kv-7" });
    expect(sent).toEqual([
      { target: "AWSCognitoIdentityProviderService.InitiateAuth", body: { ClientId: "console-client", AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "can-bo", PASSWORD: "mật khẩu" } } },
      {
        target: "AWSCognitoIdentityProviderService.RespondToAuthChallenge",
        body: { ClientId: "console-client", ChallengeName: "SOFTWARE_TOKEN_MFA", Session: "s-1", ChallengeResponses: { USERNAME: "can-bo", SOFTWARE_TOKEN_MFA_CODE: "123456" } },
      },
    ]);
  });

  it("says in Vietnamese when the password is wrong, and when the account is not set up yet", async () => {
    cognitoAnswers({ status: 400, body: { __type: "NotAuthorizedException" } });
    await expect(cognitoSignIn(config, "can-bo", "sai")).rejects.toThrow("Tên đăng nhập hoặc mật khẩu không đúng.");
    cognitoAnswers({ body: { ChallengeName: "NEW_PASSWORD_REQUIRED", Session: "s-2" } });
    await expect(cognitoSignIn(config, "can-bo", "tạm")).rejects.toThrow(/liên hệ quản trị hệ thống/);
  });
});
