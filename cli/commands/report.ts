import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ExportFormat } from "#domain/report/export/export.ts";
import { reason } from "#domain/review-reasons.ts";
import { FUNCTION_SETTING_DEFAULTS } from "../../infra/topology.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `cách dùng: thads report [--period YYYY-H1|YYYY-H2] [--format xlsx|csv|json] [--out DIR]

Lập báo cáo thống kê 6 tháng, 12 tháng từ các việc đã thụ lý trên máy này (số liệu tổng hợp từ các
bước ghi trên từng việc, như báo cáo định kỳ trên AWS), so với cùng kỳ năm trước. Ghi các tệp vào DIR
(mặc định: thư mục hiện tại) và in tên các tệp.

Tùy chọn:
  --period P   kỳ báo cáo, ví dụ 2026-H1 (6 tháng: 01/10/2025 - 31/03/2026) hoặc 2026-H2 (12 tháng:
               01/10/2025 - 30/09/2026); mặc định: kỳ đang diễn ra
  --format F   xlsx (một tệp Excel, mặc định), csv (mỗi bảng một tệp) hoặc json
  --out DIR    thư mục ghi tệp
  -h, --help   xem hướng dẫn này
`;

const FORMATS: readonly ExportFormat[] = ["xlsx", "csv", "json"];

export const reportCommand: Command = {
  name: "report",
  summary: "lập báo cáo 6 tháng từ các việc đã thụ lý (xlsx, csv hoặc json)",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs({ args, options: { period: { type: "string" }, format: { type: "string", default: "xlsx" }, out: { type: "string", default: "." } } });
    const format = values.format as ExportFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format phải là một trong ${FORMATS.join(", ")}`);
    const scheme = FUNCTION_SETTING_DEFAULTS.reportScheme;
    const [{ parsePeriod, PeriodError }, { periodToReport, reportFromAggregates }] = await Promise.all([import("#domain/report/periods.ts"), import("#use-cases/roll-up-report.ts")]);
    let period;
    try {
      period = values.period === undefined ? periodToReport(new Date().toISOString(), scheme).period : parsePeriod(values.period, scheme);
    } catch (error) {
      if (error instanceof PeriodError) throw new UsageError(`--period phải có dạng YYYY-H1 hoặc YYYY-H2 (ví dụ 2026-H1), không phải '${values.period}'`);
      throw error;
    }
    const [{ exportReport }, { xlsxWorkbookWriter }, { haNamNinhBinhDirectory }] = await Promise.all([
      import("#use-cases/export-report.ts"),
      import("#adapters/xlsx/xlsx-workbook-writer.ts"),
      import("#domain/agencies/ha-nam-ninh-binh.ts"),
    ]);
    return withStackSession(io, async (session) => {
      // the report counts every step recorded so far: wait until the stream has brought them into the aggregates
      await session.matterChangesApplied();
      const report = await reportFromAggregates(period, { aggregates: session.aggregates, scheme, directory: haNamNinhBinhDirectory() });
      await mkdir(values.out, { recursive: true });
      for (const file of await exportReport(report, format, xlsxWorkbookWriter)) {
        const path = join(values.out, file.name);
        await writeFile(path, file.body);
        io.out(`${path}\n`);
      }
      const built = reason("cli.report-built", { period: report.period.name, start: report.period.start, end: report.period.end }).message;
      io.err(`thads: ${built}${report.notes.length > 0 ? `; ghi chú:\n${report.notes.map((note) => `  - ${note}`).join("\n")}` : ""}\n`);
      return 0;
    });
  },
};
