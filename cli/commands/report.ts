import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ExportFormat } from "#domain/report/export/export.ts";
import { reason } from "#domain/review-reasons.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `cách dùng: thads report --period YYYY-H1|YYYY-H2 [--format xlsx|csv|json] [--out DIR]

Lập báo cáo thống kê 6 tháng từ các hồ sơ trên máy này: các việc đề xuất của mỗi hồ sơ được tính là
thụ lý vào ngày nhận hồ sơ (hệ thống chưa lưu việc đã thụ lý), so với cùng kỳ năm trước. Ghi các tệp
vào DIR (mặc định: thư mục hiện tại) và in tên các tệp.

Tùy chọn:
  --period P   kỳ báo cáo, ví dụ 2026-H1 (6 tháng theo năm thống kê: tháng 10 - tháng 3 hoặc tháng 4 - tháng 9)
  --format F   xlsx (một tệp Excel, mặc định), csv (mỗi bảng một tệp) hoặc json
  --out DIR    thư mục ghi tệp
  -h, --help   xem hướng dẫn này
`;

const FORMATS: readonly ExportFormat[] = ["xlsx", "csv", "json"];

export const reportCommand: Command = {
  name: "report",
  summary: "lập báo cáo 6 tháng từ các hồ sơ trên máy này (xlsx, csv hoặc json)",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs({ args, options: { period: { type: "string" }, format: { type: "string", default: "xlsx" }, out: { type: "string", default: "." } } });
    if (values.period === undefined) throw new UsageError("cần nêu --period, ví dụ --period 2026-H1");
    const format = values.format as ExportFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format phải là một trong ${FORMATS.join(", ")}`);
    const { parsePeriod, PeriodError } = await import("#domain/report/periods.ts");
    try {
      parsePeriod(values.period);
    } catch (error) {
      if (error instanceof PeriodError) throw new UsageError(`--period phải có dạng YYYY-H1 hoặc YYYY-H2 (ví dụ 2026-H1), không phải '${values.period}'`);
      throw error;
    }
    const { reportFromStoredCases } = await import("#use-cases/report-from-cases.ts");
    const [{ exportReport }, { xlsxWorkbookWriter }] = await Promise.all([import("#use-cases/export-report.ts"), import("#adapters/xlsx/xlsx-workbook-writer.ts")]);
    return withStackSession(io, async (session) => {
      const { report, cases } = await reportFromStoredCases(session.cases, values.period!);
      await mkdir(values.out, { recursive: true });
      for (const file of await exportReport(report, format, xlsxWorkbookWriter)) {
        const path = join(values.out, file.name);
        await writeFile(path, file.body);
        io.out(`${path}\n`);
      }
      const built = reason("cli.report-built", { period: report.period.name, cases }).message;
      io.err(`thads: ${built}${report.notes.length > 0 ? `; ghi chú:\n${report.notes.map((note) => `  - ${note}`).join("\n")}` : ""}\n`);
      return 0;
    });
  },
};
