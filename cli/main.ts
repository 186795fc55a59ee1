import { reason } from "#domain/review-reasons.ts";
import { UsageError, oneLine, type CliIo, type Command } from "./command.ts";

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `cách dùng: thads COMMAND [OPTIONS] [ARGS]\n\nCác lệnh:\n${list}\n\nChạy 'thads COMMAND --help' để xem các tùy chọn của từng lệnh.\n`;
}

const wantsHelp = (arg: string | undefined): boolean => arg === "help" || arg === "--help" || arg === "-h";

/** `--help` anywhere among a command's options (not after `--`, where it would be a file name). */
function asksCommandHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

/** Dispatches `thads COMMAND ...` to the command's module and turns every failure into one line on stderr. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly Command[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(overview(commands));
    return 2;
  }
  if (wantsHelp(name)) {
    const topic = commands.find((c) => c.name === rest[0]);
    io.out(topic ? topic.usage : overview(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`thads: ${reason("cli.unknown-command", { command: name }).message}\n`);
    return 2;
  }
  if (asksCommandHelp(rest)) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`thads ${name}: ${oneLine(error.message)}; chạy 'thads ${name} --help' để xem cách dùng\n`);
      return 2;
    }
    io.err(`thads: ${oneLine(reason("cli.internal", { detail: String(error instanceof Error ? error.message : error) }).message)}\n`);
    if (io.debug && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return 1;
  }
}
