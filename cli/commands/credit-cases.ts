import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ExportFormat } from "#domain/report/export/export.ts";
import { reason } from "#domain/review-reasons.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `cách dùng: thads credit-cases [--unit U] [--format xlsx|csv|json] [--out DIR]

Lập danh sách các việc chưa thi hành xong có tổ chức tín dụng, ngân hàng là đương sự (để rà soát
hằng năm cùng chi nhánh Ngân hàng Nhà nước), từ các việc đã thụ lý trên máy này: người phải thi hành,
người được thi hành, số tiền phải thi hành và đã thu, số ngày từ khi thụ lý, trạng thái, đơn vị và các
vướng mắc đã ghi (thads matters obstacle). Ghi tệp vào DIR (mặc định: thư mục hiện tại) và in tên tệp.

Tùy chọn:
  --unit U     chỉ các việc của một đơn vị (mã, như ha-nam-phu-ly)
  --format F   xlsx (mặc định), csv hoặc json
  --out DIR    thư mục ghi tệp
  -h, --help   xem hướng dẫn này
`;

const FORMATS: readonly ExportFormat[] = ["xlsx", "csv", "json"];

export const creditCasesCommand: Command = {
  name: "credit-cases",
  summary: "lập danh sách việc tín dụng, ngân hàng chưa thi hành xong (xlsx, csv hoặc json)",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs({ args, options: { unit: { type: "string" }, format: { type: "string", default: "xlsx" }, out: { type: "string", default: "." } } });
    const format = FORMATS.find((candidate) => candidate === values.format);
    if (!format) throw new UsageError(`--format phải là một trong ${FORMATS.join(", ")}`);
    const [{ creditCaseList }, { exportCreditCases }, { xlsxWorkbookWriter }, { vietnamDirectory }] = await Promise.all([
      import("#use-cases/matters.ts"),
      import("#use-cases/export-credit-cases.ts"),
      import("#adapters/xlsx/xlsx-workbook-writer.ts"),
      import("#domain/agencies/vietnam-directory.ts"),
    ]);
    return withStackSession(io, async ({ matters }) => {
      const list = await creditCaseList({ unitId: values.unit }, { matters, directory: vietnamDirectory(), now: () => new Date() });
      const file = await exportCreditCases(list, format, xlsxWorkbookWriter);
      await mkdir(values.out, { recursive: true });
      const path = join(values.out, file.name);
      await writeFile(path, file.body);
      io.out(`${path}\n`);
      io.err(`thads: ${reason("cli.credit-cases-built", { count: list.cases.length }).message}\n`);
      return 0;
    });
  },
};
