/**
 * What the console learns from config.json beside its files: where the API is and how people sign in.
 * The local stack writes it (local/console-server.ts); on AWS the CDK deployment does.
 */
export type AuthConfig = { mode: "local" } | { mode: "cognito"; region: string; clientId: string };

export interface ConsoleConfig {
  apiUrl: string;
  auth: AuthConfig;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch("./config.json");
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}
