import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ExportFormat } from "#domain/report/export/export.ts";
import { reason } from "#domain/review-reasons.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `usage: thads report --period YYYY-H1|YYYY-H2 [--format xlsx|csv|json] [--out DIR]

Builds the semiannual statistics report from the local stack's cases: each case's proposed matters
are counted as opened on the day the case arrived (the stack stores no accepted matters yet), against
the same period of the previous year. Writes the files to DIR (default: the current folder) and
prints their names.

Options:
  --period P   the reporting period, e.g. 2026-H1 (statistical half-year: Oct-Mar or Apr-Sep)
  --format F   xlsx (one workbook, default), csv (one file per table) or json
  --out DIR    where to write the files
  -h, --help   show this help
`;

const FORMATS: readonly ExportFormat[] = ["xlsx", "csv", "json"];

export const reportCommand: Command = {
  name: "report",
  summary: "build the semiannual report from the local stack's cases (xlsx, csv or json)",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs({ args, options: { period: { type: "string" }, format: { type: "string", default: "xlsx" }, out: { type: "string", default: "." } } });
    if (values.period === undefined) throw new UsageError("--period is required, e.g. --period 2026-H1");
    const format = values.format as ExportFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
    const { parsePeriod, PeriodError } = await import("#domain/report/periods.ts");
    try {
      parsePeriod(values.period);
    } catch (error) {
      if (error instanceof PeriodError) throw new UsageError(error.message);
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
