import { describe, expect, it } from "vitest";
import { UsageError, type CliIo, type Command } from "../../cli/command.ts";
import { runCli } from "../../cli/main.ts";

function capture(debug = false): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    debug,
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
  };
  return io;
}

const command = (name: string, run: Command["run"]): Command => ({ name, summary: `does ${name}`, usage: `usage: thads ${name}\n`, run });
const echo = command("echo", async (args, io) => {
  io.out(args.join(" "));
  return 0;
});

describe("the thads command dispatcher", () => {
  it("hands the remaining arguments to the named command and returns its exit code", async () => {
    const io = capture();
    expect(await runCli(["echo", "a", "b"], io, [echo])).toBe(0);
    expect(io.stdout).toBe("a b");
  });

  it("lists the commands for --help and for no command at all", async () => {
    const help = capture();
    expect(await runCli(["--help"], help, [echo])).toBe(0);
    expect(help.stdout).toMatch(/echo {2}does echo/);
    const none = capture();
    expect(await runCli([], none, [echo])).toBe(2);
    expect(none.stderr).toMatch(/cách dùng: thads COMMAND/);
  });

  it("shows a command's own help for 'help NAME' and 'NAME --help', but not for a file named --help after --", async () => {
    for (const argv of [["help", "echo"], ["echo", "--help"]]) {
      const io = capture();
      expect(await runCli(argv, io, [echo])).toBe(0);
      expect(io.stdout).toBe("usage: thads echo\n");
    }
    const io = capture();
    await runCli(["echo", "--", "--help"], io, [echo]);
    expect(io.stdout).toBe("-- --help");
  });

  it("answers an unknown command or a usage error with exit code 2 and one line", async () => {
    const unknown = capture();
    expect(await runCli(["ehco"], unknown, [echo])).toBe(2);
    expect(unknown.stderr).toBe("thads: Không có lệnh 'ehco'; chạy 'thads --help' để xem danh sách lệnh\n");
    const misuse = capture();
    const strict = command("strict", async () => {
      throw new UsageError("no FILE given");
    });
    expect(await runCli(["strict"], misuse, [strict])).toBe(2);
    expect(misuse.stderr).toBe("thads strict: no FILE given; chạy 'thads strict --help' để xem cách dùng\n");
  });

  it("reports a crash as one line, with the stack only when debugging", async () => {
    const crash = command("crash", async () => {
      throw new Error("boom\nsecond line");
    });
    const quiet = capture();
    expect(await runCli(["crash"], quiet, [crash])).toBe(1);
    expect(quiet.stderr).toBe("thads: Lỗi nội bộ: boom second line\n");
    const loud = capture(true);
    await runCli(["crash"], loud, [crash]);
    expect(loud.stderr).toMatch(/^thads: Lỗi nội bộ: boom second line\nError: boom\n/);
  });
});
