import { basename, join } from "node:path";
import { reason } from "#domain/review-reasons.ts";
import { dataDir } from "../../local/paths.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { formatIngestOutcome, formatStackSummary } from "../format/stack-summary.ts";
import { ingestWithProgress } from "./ingest.ts";

const DEFAULT_PORT = 4280;

const usage = () => `cách dùng: thads start [--once] [--port N]          ('npm start' chạy lệnh này)

Chạy toàn bộ quy trình trên máy này: khởi động hệ thống trên thư mục dữ liệu, tiếp nhận các bản án
mẫu kèm theo (PDF có lớp chữ và hai bản quét nhận dạng bằng Tesseract), in bảng tổng hợp các hồ sơ,
rồi mở API hồ sơ và bảng điều khiển trên trình duyệt tại 127.0.0.1 cho đến khi bấm Ctrl-C.

Thư mục dữ liệu: ${dataDir()}   (đặt THADS_DATA_DIR để chọn thư mục khác)

Tùy chọn:
  --once      dừng sau khi in bảng tổng hợp (hoặc đặt THADS_ONCE=1)
  --port N    cổng của API hồ sơ, 0 là cổng trống bất kỳ (hoặc đặt THADS_PORT=N; mặc định ${DEFAULT_PORT})
              bảng điều khiển ở cổng kế tiếp (hoặc đặt THADS_CONSOLE_PORT=N)
  -h, --help  xem hướng dẫn này
`;

export const startCommand: Command = {
  name: "start",
  summary: "chạy hệ thống trên máy này: tiếp nhận bản án mẫu, in bảng tổng hợp, mở API hồ sơ",
  get usage() {
    return usage();
  },
  async run(args, io) {
    const { values } = parseCommandArgs({ args, options: { once: { type: "boolean", default: false }, port: { type: "string" } } });
    const once = values.once || process.env.THADS_ONCE === "1";
    const port = Number(values.port ?? process.env.THADS_PORT ?? DEFAULT_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port phải là số cổng (0 là cổng trống bất kỳ), không phải '${values.port ?? process.env.THADS_PORT}'`);
    // the console beside the API: the next port, or any free one when the API takes any
    const consolePort = Number(process.env.THADS_CONSOLE_PORT ?? (port === 0 ? 0 : port + 1));
    if (!Number.isInteger(consolePort) || consolePort < 0 || consolePort > 65_535) throw new UsageError(`THADS_CONSOLE_PORT phải là số cổng, không phải '${process.env.THADS_CONSOLE_PORT}'`);
    const [{ LocalStack, StackAlreadyRunningError }, { JavaMissingError }, { sampleDocuments }, { summarise }, { ConsoleNotBuiltError }] = await Promise.all([
      import("../../local/stack.ts"),
      import("../../local/dynamodb-local.ts"),
      import("../../local/samples.ts"),
      import("../../local/summary.ts"),
      import("../../local/console-server.ts"),
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
      stack = await LocalStack.start({ dataDir: folder, httpPort: port, consolePort: once ? null : consolePort });
    } catch (error) {
      if (error instanceof StackAlreadyRunningError || error instanceof JavaMissingError || error instanceof ConsoleNotBuiltError) {
        io.err(`thads: ${error.message}\n`);
        return 1;
      }
      if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
        io.err(`thads: ${reason("cli.port-taken", { port }).message}\n`);
        return 1;
      }
      throw error;
    }
    io.out(`Hệ thống trên máy đã chạy sau ${((performance.now() - started) / 1000).toFixed(1)} giây (dữ liệu tại ${folder})\n`);
    io.out(`  DynamoDB Local ${stack.endpoints.dynamodb}, S3 ${stack.endpoints.s3}, Textract (Tesseract) ${stack.endpoints.textract}\n`);

    try {
      const samples = await sampleDocuments(join(folder, "samples"));
      const scans = samples.filter((sample) => sample.scanned).length;
      io.out(`\nĐang tiếp nhận ${samples.length} tài liệu mẫu (${samples.length - scans} tệp PDF có lớp chữ, ${scans} bản quét nhận dạng bằng Tesseract):\n`);
      const ingestStarted = performance.now();
      const outcomes = await ingestWithProgress(stack, samples);
      for (const outcome of outcomes) io.out(`${formatIngestOutcome(outcome, basename(outcome.file))}\n`);
      io.out(`(${((performance.now() - ingestStarted) / 1000).toFixed(1)} giây)\n\n`);
      io.out(formatStackSummary(await summarise({ cases: stack.cases, deadLetters: stack.deadLetters() })));
    } catch (error) {
      // Interrupted: the servers went away under the ingest; that is no failure to report.
      if (!stopping) io.err(`thads: ${error instanceof Error ? error.message : String(error)}\n`);
      return stop(1);
    }

    if (once) return stop(0);
    const api = stack.api?.url ?? "";
    if (stack.console) io.out(`\nBảng điều khiển (trình duyệt) tại ${stack.console.url}  (đăng nhập bằng một người dùng mẫu dưới đây)\n`);
    const { DEMO_PASSWORD, DEMO_USERS } = await import("../../local/user-pool.ts");
    io.out(`\nAPI hồ sơ tại ${api} (bấm Ctrl-C để dừng hệ thống). Người dùng mẫu (mật khẩu ${DEMO_PASSWORD}, chỉ trên máy này):\n`);
    for (const user of DEMO_USERS) io.out(`  ${user.username.padEnd(9)} ${user.role.padEnd(7)} ${user.courtId ?? user.unitId ?? ""}  ${user.about}\n`);
    io.out(`Đăng nhập lấy mã (idToken), rồi gửi kèm tiêu đề Authorization: Bearer <idToken>. Thử:\n`);
    io.out(`  TOKEN=$(curl -s ${api}/auth/sign-in -H 'content-type: application/json' -d '{"username":"can-bo","password":"${DEMO_PASSWORD}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).idToken')\n`);
    io.out(`  curl -H "Authorization: Bearer $TOKEN" '${api}/cases?partyName=hong%20nhung'\n  curl -H "Authorization: Bearer $TOKEN" '${api}/review-queue'\n`);
    io.out(`  ./bin/thads cases search --party "tran thi hong nhung"    (ở cửa sổ dòng lệnh khác: dùng hệ thống này)\n`);
    // Serves until a signal stops the stack and the process.
    return new Promise<number>(() => {});
  },
};
