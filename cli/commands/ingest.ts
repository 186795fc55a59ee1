import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { reason } from "#domain/review-reasons.ts";
import { COURT_ID_PATTERN, mediaTypeOf } from "#domain/upload-key.ts";
import type { FileToIngest, IngestOutcome, IntakeTarget } from "../../local/ingest.ts";
import { UsageError, parseCommandArgs, type CliIo, type Command } from "../command.ts";
import { formatIngestOutcome, formatStackSummary, progressBar } from "../format/stack-summary.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `cách dùng: thads ingest [--court ID] [--json] DIR|FILE...

Gửi bản án, quyết định vào khâu tiếp nhận của hệ thống chạy trên máy này, như khi tòa án tải lên: mỗi
tệp được tải lên kho tệp tải lên (S3) trên máy, kho này báo cho hàng đợi để hàm tiếp nhận xử lý (PDF
có lớp chữ thì lấy chữ từ lớp chữ, bản quét và ảnh thì nhận dạng bằng Tesseract). In ra kết quả từng
tệp (hồ sơ mới, trùng với hồ sơ đã có, hoặc lý do không xử lý được) và bảng tổng hợp các hồ sơ.

Với DIR, lệnh gửi các tệp PDF, PNG, JPEG và TIFF trong thư mục (không gửi thư mục con). Dùng hệ thống
mà 'npm start' đang chạy, nếu không thì tự khởi động một hệ thống trên thư mục .thads/ cho lệnh này.

Tùy chọn:
  --court ID  tòa án tải lên (mã của tòa trong khóa tệp tải lên, ví dụ tand-binh-luc); mặc định tand-tinh-ninh-binh
  --json      mỗi tệp một dòng JSON ghi kết quả, không in bảng tổng hợp
  -h, --help  xem hướng dẫn này
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
  summary: "gửi tệp PDF, bản quét vào khâu tiếp nhận trên máy này và liệt kê các hồ sơ",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: { court: { type: "string" }, json: { type: "boolean", default: false } },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError("chưa nêu DIR hoặc FILE nào");
    const { DEFAULT_COURT_ID } = await import("../../local/courts.ts");
    const courtId = values.court ?? DEFAULT_COURT_ID;
    if (!COURT_ID_PATTERN.test(courtId)) throw new UsageError(`--court ${courtId}: mã tòa án chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang`);
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
