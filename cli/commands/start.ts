import { basename, join } from "node:path";
import { dataDir } from "../../local/paths.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { formatIngestOutcome, formatStackSummary } from "../format/stack-summary.ts";
import { ingestWithProgress } from "./ingest.ts";

const DEFAULT_PORT = 4280;

const usage = () => `usage: thads start [--once] [--port N]          (npm start runs it)

Runs the whole pipeline on this machine: starts the local stack on its data folder, ingests the
bundled sample judgments (digital PDFs and two scans read by Tesseract), prints a summary of the
cases, and serves the case API on 127.0.0.1 until Ctrl-C.

Data folder: ${dataDir()}   (THADS_DATA_DIR chooses another)

Options:
  --once      exit after the summary (also THADS_ONCE=1)
  --port N    the case API's port, 0 for any free one (also THADS_PORT=N; default ${DEFAULT_PORT})
  -h, --help  show this help
`;

export const startCommand: Command = {
  name: "start",
  summary: "run the local stack: ingest the samples, print a summary, serve the case API",
  get usage() {
    return usage();
  },
  async run(args, io) {
    const { values } = parseCommandArgs({ args, options: { once: { type: "boolean", default: false }, port: { type: "string" } } });
    const once = values.once || process.env.THADS_ONCE === "1";
    const port = Number(values.port ?? process.env.THADS_PORT ?? DEFAULT_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a port number (0 for any free one), not '${values.port ?? process.env.THADS_PORT}'`);
    const [{ LocalStack, StackAlreadyRunningError }, { JavaMissingError }, { sampleDocuments }, { summarise }] = await Promise.all([
      import("../../local/stack.ts"),
      import("../../local/dynamodb-local.ts"),
      import("../../local/samples.ts"),
      import("../../local/summary.ts"),
    ]);
    const folder = dataDir();

    let stack: Awaited<ReturnType<typeof LocalStack.start>> | undefined;
    let stopping = false;
    // Handled from the start: an interrupted start-up still exits through process.exit, whose exit
    // event stops DynamoDB Local's JVM.
    const stop = async (code: number): Promise<never> => {
      // The first stop exits the process once the stack is down; a later one waits for that.
      if (stopping) return new Promise<never>(() => {});
      stopping = true;
      await stack?.stop();
      process.exit(code);
    };
    process.on("SIGINT", () => void stop(0));
    process.on("SIGTERM", () => void stop(0));

    const started = performance.now();
    try {
      stack = await LocalStack.start({ dataDir: folder, httpPort: port });
    } catch (error) {
      if (error instanceof StackAlreadyRunningError || error instanceof JavaMissingError) {
        io.err(`thads: ${error.message}\n`);
        return 1;
      }
      if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
        io.err(`thads: port ${port} is taken; choose another with THADS_PORT=N npm start (0: any free port)\n`);
        return 1;
      }
      throw error;
    }
    io.out(`Local stack up in ${((performance.now() - started) / 1000).toFixed(1)} s (data in ${folder})\n`);
    io.out(`  DynamoDB Local ${stack.endpoints.dynamodb}, S3 ${stack.endpoints.s3}, Textract (Tesseract) ${stack.endpoints.textract}\n`);

    try {
      const samples = await sampleDocuments(join(folder, "samples"));
      const scans = samples.filter((sample) => sample.scanned).length;
      io.out(`\nIngesting ${samples.length} sample documents (${samples.length - scans} digital PDFs, ${scans} scans read by Tesseract):\n`);
      const ingestStarted = performance.now();
      const outcomes = await ingestWithProgress(stack, samples);
      for (const outcome of outcomes) io.out(`${formatIngestOutcome(outcome, basename(outcome.file))}\n`);
      io.out(`(${((performance.now() - ingestStarted) / 1000).toFixed(1)} s)\n\n`);
      io.out(formatStackSummary(await summarise({ cases: stack.cases, deadLetters: stack.deadLetters() })));
    } catch (error) {
      // Interrupted: the servers went away under the ingest; that is no failure to report.
      if (!stopping) io.err(`thads: ${error instanceof Error ? error.message : String(error)}\n`);
      return stop(1);
    }

    if (once) return stop(0);
    const api = stack.api?.url ?? "";
    io.out(`\nCase API at ${api} (Ctrl-C stops the stack). Try:\n`);
    io.out(`  curl '${api}/cases?partyName=hong%20nhung'\n  curl '${api}/review-queue'\n`);
    io.out(`  ./bin/thads cases search --party "tran thi hong nhung"    (in another terminal: uses this stack)\n`);
    // Serves until a signal stops the stack and the process.
    return new Promise<number>(() => {});
  },
};
