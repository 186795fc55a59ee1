import { reason } from "#domain/review-reasons.ts";
import { FUNCTION_SETTING_DEFAULTS } from "../../infra/topology.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `cách dùng: thads aggregates rebuild [--period YYYY-H1|YYYY-H2] [--json]

Tính lại số liệu tổng hợp của báo cáo từ tất cả các việc đã thụ lý trên máy này và thay cho số liệu
đang lưu (như hàm rebuild-aggregates trên AWS): dùng khi có thay đổi của việc không đưa được vào số
liệu tổng hợp (tệp dead-letters/thads-failed-matter-changes.jsonl trong thư mục dữ liệu). Lệnh chờ mọi
thay đổi đã ghi được đưa vào trước khi tính lại.

Tùy chọn:
  --period P   chỉ tính lại kỳ này, ví dụ 2026-H1; mặc định: mọi kỳ
  --json       kết quả dạng JSON
  -h, --help   xem hướng dẫn này
`;

export const aggregatesCommand: Command = {
  name: "aggregates",
  summary: "tính lại số liệu tổng hợp của báo cáo từ các việc đã thụ lý (rebuild)",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: { period: { type: "string" }, json: { type: "boolean", default: false } }, allowPositionals: true });
    if (positionals.length !== 1 || positionals[0] !== "rebuild") throw new UsageError("cần nêu thao tác: rebuild");
    const scheme = FUNCTION_SETTING_DEFAULTS.reportScheme;
    const [{ parsePeriod, PeriodError }, { rebuildAggregates }] = await Promise.all([import("#domain/report/periods.ts"), import("#use-cases/rebuild-aggregates.ts")]);
    let period = null;
    try {
      period = values.period === undefined ? null : parsePeriod(values.period, scheme);
    } catch (error) {
      if (error instanceof PeriodError) throw new UsageError(`--period phải có dạng YYYY-H1 hoặc YYYY-H2 (ví dụ 2026-H1), không phải '${values.period}'`);
      throw error;
    }
    return withStackSession(io, async (session) => {
      await session.matterChangesApplied();
      const result = await rebuildAggregates({ period }, { matters: session.matters, aggregates: session.aggregates, scheme });
      io.out(values.json ? `${JSON.stringify(result)}\n` : `${reason("cli.aggregates-rebuilt", { matters: result.matters, cells: result.cells, period: result.period ?? "mọi kỳ" }).message}\n`);
      return 0;
    });
  },
};
