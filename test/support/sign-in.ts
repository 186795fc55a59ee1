/** Signing in to the local stack's API as its demo users (local/user-pool.ts), over HTTP as the console does. */
import { DEMO_PASSWORD } from "../../local/user-pool.ts";

/** The `Authorization` header of a demo user's fresh ID token. */
export async function bearer(apiUrl: string, username: string): Promise<{ authorization: string }> {
  const response = await fetch(`${apiUrl}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (response.status !== 200) throw new Error(`sign-in of ${username} refused: ${response.status}`);
  const { idToken } = (await response.json()) as { idToken: string };
  return { authorization: `Bearer ${idToken}` };
}
