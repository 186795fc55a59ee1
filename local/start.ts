/**
 * `npm start`: boots the local stack on .thads/, ingests the bundled sample documents (digital PDFs
 * and scans), prints a summary, and serves the case API on localhost until Ctrl-C.
 *
 *   npm start [-- --once] [-- --port N]      THADS_ONCE=1 also exits after the summary; THADS_PORT sets the port
 */
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { ingestWithProgress } from "../cli/commands/ingest.ts";
import { formatIngestOutcome, formatStackSummary } from "../cli/format/stack-summary.ts";
import { JavaMissingError } from "./dynamodb-local.ts";
import { sampleDocuments } from "./samples.ts";
import { dataDir as defaultDataDir } from "./paths.ts";
import { LocalStack, StackAlreadyRunningError } from "./stack.ts";
import { summarise } from "./summary.ts";

const DEFAULT_PORT = 4280;

const { values } = parseArgs({ options: { once: { type: "boolean", default: false }, port: { type: "string" } } });
const once = values.once || process.env.THADS_ONCE === "1";
const port = Number(values.port ?? process.env.THADS_PORT ?? DEFAULT_PORT);
const out = (text: string) => process.stdout.write(text);
const dataDir = defaultDataDir();

let stack: LocalStack | undefined;
let stopping = false;
// Handled from the start: an interrupted start-up still exits through process.exit, whose exit
// event stops DynamoDB Local's JVM.
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await stack?.stop();
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

const started = performance.now();
try {
  stack = await LocalStack.start({ dataDir, httpPort: port });
} catch (error) {
  if (error instanceof StackAlreadyRunningError || error instanceof JavaMissingError) {
    process.stderr.write(`thads: ${error.message}\n`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    process.stderr.write(`thads: port ${port} is taken; choose another with THADS_PORT=N npm start (0: any free port)\n`);
    process.exit(1);
  }
  throw error;
}
out(`Local stack up in ${((performance.now() - started) / 1000).toFixed(1)} s (data in ${dataDir})\n`);
out(`  DynamoDB Local ${stack.endpoints.dynamodb}, S3 ${stack.endpoints.s3}, Textract (Tesseract) ${stack.endpoints.textract}\n`);

try {
  const samples = await sampleDocuments(join(dataDir, "samples"));
  out(`\nIngesting ${samples.length} sample documents (${samples.filter((sample) => !sample.scanned).length} digital PDFs, ${samples.filter((sample) => sample.scanned).length} scans read by Tesseract):\n`);
  const ingestStarted = performance.now();
  const outcomes = await ingestWithProgress(stack, samples);
  for (const outcome of outcomes) out(`${formatIngestOutcome(outcome, basename(outcome.file))}\n`);
  out(`(${((performance.now() - ingestStarted) / 1000).toFixed(1)} s)\n\n`);
  out(formatStackSummary(await summarise({ documents: stack.clients.documents, cases: stack.cases, deadLetters: stack.deadLetters() })));
} catch (error) {
  process.stderr.write(`thads: ${error instanceof Error ? error.message : String(error)}\n`);
  await stop(1);
}

if (once) await stop(0);
const api = stack.api?.url ?? "";
out(`\nCase API at ${api} (Ctrl-C stops the stack). Try:\n`);
out(`  curl '${api}/cases?partyName=hong%20nhung'\n  curl '${api}/review-queue'\n`);
out(`  ./bin/thads cases search --party "tran thi hong nhung"    (in another terminal: uses this stack)\n`);
