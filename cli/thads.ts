import { caseCommand } from "./commands/case.ts";
import { casesCommand } from "./commands/cases.ts";
import { extractCommand } from "./commands/extract.ts";
import { ingestCommand } from "./commands/ingest.ts";
import { reportCommand } from "./commands/report.ts";
import { reviewCommand } from "./commands/review.ts";
import { runCli } from "./main.ts";

// Readers the CLI uses: pdf.js for text layers (the default) and, for now, no OCR engine, so scans and
// images are refused with "needs OCR". A local OCR engine (Tesseract) is wired in here when it lands.
const commands = [extractCommand({}), ingestCommand, casesCommand, caseCommand, reviewCommand, reportCommand];

// `thads extract --json a b | head -1` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(
  process.argv.slice(2),
  { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), debug: process.env.THADS_DEBUG === "1" },
  commands,
);
