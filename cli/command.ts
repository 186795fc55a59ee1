import { parseArgs, type ParseArgsConfig } from "node:util";

/** Where a command writes; tests pass their own to read what a command printed. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Print stack traces of internal errors (THADS_DEBUG=1). */
  debug: boolean;
}

/** One `thads` sub-command. Commands live in cli/commands/, one module each, and are listed in cli/thads.ts. */
export interface Command {
  name: string;
  /** One line for `thads --help`. */
  summary: string;
  /** Full help for `thads NAME --help`. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** The command line itself is wrong: exit code 2 and a hint at --help. */
export class UsageError extends Error {
  override name = "UsageError";
}

const isParseArgsError = (error: unknown): error is Error =>
  error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");

/** parseArgs's complaint in Vietnamese, naming the option or argument its English message quotes. */
function parseArgsComplaint(error: Error): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? "";
  const option = quoted.split(" ")[0] ?? quoted;
  switch ((error as NodeJS.ErrnoException).code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `không có tùy chọn '${quoted}'`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `lệnh này không nhận đối số '${quoted}'`;
    default:
      return error.message.includes("argument missing") ? `tùy chọn ${option} cần một giá trị` : `tùy chọn ${option} không nhận giá trị`;
  }
}

/** node:util parseArgs, with its complaints turned into UsageError. */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if (isParseArgsError(error)) throw new UsageError(parseArgsComplaint(error));
    throw error;
  }
}

/** Any message on one line, so that `thads: FILE: REASON` stays one line per failure. */
export const oneLine = (text: string): string =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
