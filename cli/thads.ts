import { pdfjsTextLayer } from "#adapters/pdf/pdfjs-text-layer.ts";
import type { OcrEngine } from "#ports/ocr-engine.ts";
import { aggregatesCommand } from "./commands/aggregates.ts";
import { caseCommand } from "./commands/case.ts";
import { casesCommand } from "./commands/cases.ts";
import { extractCommand, type OcrChoice } from "./commands/extract.ts";
import { ingestCommand } from "./commands/ingest.ts";
import { mattersCommand } from "./commands/matters.ts";
import { redriveCommand } from "./commands/redrive.ts";
import { creditCasesCommand } from "./commands/credit-cases.ts";
import { reportCommand } from "./commands/report.ts";
import { reviewCommand } from "./commands/review.ts";
import { startCommand } from "./commands/start.ts";
import { runCli } from "./main.ts";

/**
 * The OCR engine chosen with --ocr, from the engine factory (Tesseract unless told otherwise, as on any
 * workstation). Its adapters, and the AWS SDK behind Textract, are loaded on the first page that needs
 * recognition, so reading text files and digital PDFs does not pay for them.
 */
function ocrEngine(engine: Exclude<OcrChoice, "none">): OcrEngine {
  let built: Promise<OcrEngine> | undefined;
  return {
    name: engine,
    async recognize(document, options) {
      built ??= import("#adapters/ocr-factory.ts").then(({ createOcrEngine }) => createOcrEngine({ engine }));
      return (await built).recognize(document, options);
    },
  };
}

// pdf.js reads text layers (loaded on the first PDF); OCR only pages that have none.
const commands = [extractCommand({ ocr: ocrEngine, pdf: pdfjsTextLayer }), ingestCommand, casesCommand, caseCommand, reviewCommand, redriveCommand, mattersCommand, creditCasesCommand, reportCommand, aggregatesCommand, startCommand];

// `thads extract --json a b | head -1` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

// Exit on Ctrl-C and SIGTERM rather than die, so that exit handlers remove temporary files (OCR page images).
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) process.once(signal, () => process.exit(code));

process.exitCode = await runCli(
  process.argv.slice(2),
  { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), debug: process.env.THADS_DEBUG === "1" },
  commands,
);
