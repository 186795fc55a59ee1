import type { Server } from "node:http";
import { createServer } from "node:net";

/** A TCP port on the loopback interface that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Calls `attempt` until it returns true; errors that `retryOn` accepts count as "not yet". */
export async function waitUntil(
  attempt: () => Promise<boolean>,
  options: { timeoutMs: number; what: string; intervalMs?: number; retryOn?: (error: unknown) => boolean },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      if (await attempt()) return;
    } catch (error) {
      if (options.retryOn && !options.retryOn(error)) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : "";
      throw new Error(`timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${options.what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

/**
 * Node closes idle keep-alive connections after 5 s; a client in the same busy process may send on
 * one before it has seen it close, and gets ECONNRESET. Local clients are few: keep them open.
 */
export function keepIdleConnections(server: Server | undefined): void {
  if (server) server.keepAliveTimeout = 10 * 60_000;
}
