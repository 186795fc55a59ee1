import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { reason } from "#domain/review-reasons.ts";
import { COURT_ID_PATTERN, mediaTypeOf } from "#domain/upload-key.ts";
import type { FileToIngest, IngestOutcome, IntakeTarget } from "../../local/ingest.ts";
import { UsageError, parseCommandArgs, type CliIo, type Command } from "../command.ts";
import { formatIngestOutcome, formatStackSummary, progressBar } from "../format/stack-summary.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `usage: thads ingest [--court ID] [--json] DIR|FILE...

Sends judgments and decisions through the local stack's intake, as a court's upload would: each file
is uploaded to the local S3 uploads bucket, whose notification queues it for the ingest function
(digital PDFs are read from their text layer, scans and images by Tesseract). Prints what became of
each file (a new case, a duplicate of a stored one, or why it failed) and a summary of all cases.

A DIR contributes its PDF, PNG, JPEG and TIFF files (not its subfolders). Uses the stack 'npm start'
runs, or starts one on .thads/ for the command.

Options:
  --court ID  the uploading court (its id in the upload key, e.g. tand-binh-luc); default tand-tinh-ninh-binh
  --json      one JSON line per file with its outcome, and no summary
  -h, --help  show this help
`;

/** The files a DIR or FILE argument names; files intake cannot take are reported, not sent. */
async function expand(paths: readonly string[], io: CliIo): Promise<{ files: string[]; skipped: number }> {
  const files: string[] = [];
  let skipped = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const entries = (await readdir(path, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
      files.push(...entries.filter((name) => mediaTypeOf(name, undefined) !== null).map((name) => join(path, name)));
      continue;
    }
    if (info && mediaTypeOf(basename(path), undefined) === null) {
      io.err(`thads: ${path}: ${reason("cli.not-sent-type", {}).message}\n`);
      skipped++;
      continue;
    }
    files.push(path);
  }
  return { files, skipped };
}

/** Sends files through a stack's intake with a progress bar on a terminal; returns each file's outcome. */
export async function ingestWithProgress(target: IntakeTarget, files: readonly FileToIngest[]): Promise<IngestOutcome[]> {
  const { ingestFiles } = await import("../../local/ingest.ts");
  const showProgress = process.stderr.isTTY === true;
  let shown = "";
  const outcomes = await ingestFiles(target, files, (done, total) => {
    const bar = progressBar(done, total);
    if (showProgress && bar !== shown) process.stderr.write(`\r${bar}`);
    shown = bar;
  });
  if (showProgress) process.stderr.write("\n");
  return outcomes;
}

export const ingestCommand: Command = {
  name: "ingest",
  summary: "send PDFs and scans through the local stack's intake and print the cases",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: { court: { type: "string" }, json: { type: "boolean", default: false } },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError("no DIR or FILE given");
    const { DEFAULT_COURT_ID } = await import("../../local/courts.ts");
    const courtId = values.court ?? DEFAULT_COURT_ID;
    if (!COURT_ID_PATTERN.test(courtId)) throw new UsageError(`--court ${courtId}: a court id is lower-case letters, digits and dashes`);
    const { files, skipped } = await expand(positionals, io);
    if (files.length === 0) {
      io.err(`thads: ${reason("cli.nothing-to-ingest", {}).message}\n`);
      return 1;
    }
    return withStackSession(io, async (session) => {
      const outcomes = await ingestWithProgress(session, files.map((file) => ({ file, courtId })));
      for (const outcome of outcomes) io.out(values.json ? `${JSON.stringify(outcome)}\n` : `${formatIngestOutcome(outcome, outcome.file)}\n`);
      if (!values.json) {
        const { summarise } = await import("../../local/summary.ts");
        io.out(`\n${formatStackSummary(await summarise({ cases: session.cases, deadLetters: session.deadLetters() }))}`);
      }
      const failed = outcomes.filter((outcome) => outcome.outcome === "failed" || outcome.outcome === "unreadable").length;
      return failed + skipped > 0 ? 1 : 0;
    });
  },
};
