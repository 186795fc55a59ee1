import { afterEach, beforeEach, vi } from "vitest";

/**
 * Collects what handlers log (Powertools writes JSON lines to stdout, warnings and errors to stderr)
 * instead of printing it, so tests can assert on logs and the test output stays readable.
 * Call at the top of a test file.
 */
export function capturedLogs(): { text: () => string } {
  let lines: string[] = [];
  const collect = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  let spies: { mockRestore: () => void }[] = [];
  beforeEach(() => {
    lines = [];
    spies = [vi.spyOn(process.stdout, "write").mockImplementation(collect), vi.spyOn(process.stderr, "write").mockImplementation(collect)];
  });
  afterEach(() => {
    for (const spy of spies) spy.mockRestore();
  });
  return { text: () => lines.join("") };
}
