/**
 * `thads redrive` on the embedded stack: documents the intake gave up on while a function crashed
 * are sent through it again once the crash is gone, become cases, and leave the dead-letter list.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { deadLetterFile, LocalStack } from "../../local/stack.ts";
import { samplesDir } from "../support/paths.ts";
import { jsonLines, runThadsOn } from "../support/run-thads.ts";

describe("thads redrive", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "thads-redrive-"));
    // Every ingest invocation crashes while this stack runs: the upload ends as a dead letter.
    const stack = await LocalStack.start({
      dataDir,
      queue: { retryDelayMs: 20, maxReceiveCount: 2 },
      testHooks: {
        wrapQueueHandler: (functionName, handler) => (functionName === "ingest-document" ? async () => Promise.reject(new Error("injected crash")) : handler),
      },
    });
    try {
      await stack.upload({ courtId: "tand-binh-luc", fileName: "ban-an-27-2024.pdf", bytes: await readFile(join(samplesDir, "pdf", "ban-an-vay-tai-san.pdf")) });
      await stack.settled(60_000);
      expect(stack.deadLetters().map((letter) => letter.lastError)).toEqual(["Error: injected crash"]);
    } finally {
      await stack.stop();
    }
  }, 120_000);

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses a queue the stack does not have, and replays nothing", async () => {
    const run = await runThadsOn(dataDir, ["redrive", "--queue", "no-such-queue"]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Không có hàng đợi 'no-such-queue'`);
    expect(await readFile(deadLetterFile(dataDir, LOCAL_NAMES.intakeQueue), "utf8")).not.toBe("");
  });

  it("replays the dead letters once the crash is gone: the document becomes a case and leaves the review list", async () => {
    const run = await runThadsOn(dataDir, ["redrive", "--queue", LOCAL_NAMES.intakeQueue]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Đã gửi lại 1 tài liệu từ hàng đợi lỗi; còn 0 tài liệu");
    expect(await readFile(deadLetterFile(dataDir, LOCAL_NAMES.intakeQueue), "utf8")).toBe("");
    const review = await runThadsOn(dataDir, ["review", "--json"]);
    expect(jsonLines(review.stdout).filter((line) => "failed" in line)).toEqual([]);
    const cases = await runThadsOn(dataDir, ["cases", "search", "--number", "27/2024/DS-ST", "--json"]);
    expect(jsonLines(cases.stdout)).toHaveLength(1);
  }, 120_000);

  it("replays nothing the second time", async () => {
    const run = await runThadsOn(dataDir, ["redrive"]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đã gửi lại 0 tài liệu");
  }, 120_000);
});
