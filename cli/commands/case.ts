import { CASE_ID_PATTERN } from "#domain/stored-case.ts";
import { NotFoundError } from "#shared/errors.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { date, formatCaseSummary, STATUS_LABELS } from "../format/case-summary.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `cách dùng: thads case [--json] CASE_ID

Xem một hồ sơ trong hệ thống trên máy này, như GET /cases/{caseId} của API hồ sơ: các thông tin đã
trích xuất, trạng thái và lý do cần kiểm tra, nơi lưu bản gốc, và lịch sử sửa đổi.

Tùy chọn:
  --json      hồ sơ và lịch sử sửa đổi dạng JSON
  -h, --help  xem hướng dẫn này
`;

export const caseCommand: Command = {
  name: "case",
  summary: "xem một hồ sơ trên máy này",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: { json: { type: "boolean", default: false } }, allowPositionals: true });
    const [caseId, ...extra] = positionals;
    if (caseId === undefined || extra.length > 0) throw new UsageError("cần nêu đúng một CASE_ID");
    if (!CASE_ID_PATTERN.test(caseId)) throw new UsageError(`${caseId} không phải mã hồ sơ (32 chữ số thập lục phân, như 'thads cases search' liệt kê)`);
    const { getCase } = await import("#use-cases/case-queries.ts");
    const { CLI_READER, demoCaller } = await import("../../local/user-pool.ts");
    return withStackSession(io, async (session) => {
      let found;
      try {
        found = await getCase(caseId, session.cases, demoCaller(CLI_READER)!);
      } catch (error) {
        if (error instanceof NotFoundError) {
          io.err(`thads: ${error.message}\n`);
          return 1;
        }
        throw error;
      }
      if (values.json) {
        io.out(`${JSON.stringify(found, null, 2)}\n`);
        return 0;
      }
      const stored = found.case;
      io.out(formatCaseSummary(stored, { file: stored.source.fileName, mediaType: stored.source.mediaType, pageCount: stored.pageCount }));
      io.out(
        [
          `Mã hồ sơ:      ${stored.caseId} (phiên bản ${stored.version}, ${STATUS_LABELS[stored.status]})`,
          `Nhận ngày:     ${date(stored.receivedAt.slice(0, 10))} từ ${stored.source.courtId}; cơ quan THA: ${stored.agencyId ?? "(chưa có)"}`,
          `Bản gốc:       s3://${stored.source.bucket}/${stored.source.key}`,
          ...found.history.map((entry) => `Sửa đổi v${entry.version} ${entry.at} bởi ${entry.by}: ${entry.reason}`),
        ].join("\n") + "\n",
      );
      return 0;
    });
  },
};
