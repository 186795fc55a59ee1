import { CASE_STATUSES, type CaseStatus } from "#domain/stored-case.ts";
import type { CaseSearch, CaseSummary } from "#ports/case-repository.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { date, money, STATUS_LABELS } from "../format/case-summary.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `cách dùng: thads cases search [--party NAME] [--agency ID] [--status STATUS] [--court ID]
                          [--number CASE_NUMBER] [--from DATE] [--to DATE] [--limit N] [--json]

Tìm hồ sơ trong hệ thống trên máy này, như GET /cases của API hồ sơ. Cần ít nhất một trong các tùy
chọn --party, --number, --court, --agency, --status hoặc đủ cả --from và --to.

Tùy chọn:
  --party NAME    một phần tên đương sự; có dấu hay không đều được ("nguyen van hung" tìm được "Nguyễn Văn Hùng")
  --agency ID     cơ quan thi hành án nhận hồ sơ, ví dụ ninh-binh
  --status S      ${CASE_STATUSES.join(" | ")}
  --court ID      tòa án tải lên, ví dụ tand-binh-luc
  --number N      số bản án, ví dụ 27/2024/DS-ST
  --from, --to    khoảng ngày tuyên án (YYYY-MM-DD, tính cả hai đầu)
  --limit N       tối đa N hồ sơ (mặc định 25; đọc hết các trang cho đến N)
  --json          mỗi hồ sơ một dòng JSON
  -h, --help      xem hướng dẫn này
`;

function isStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** One case of a result list on two lines: id, status, number, court, date, total; then the parties. */
export function formatCaseLine(summary: CaseSummary): string {
  const parties = summary.parties.map((party) => party.name).join("; ");
  return `${summary.caseId}  ${STATUS_LABELS[summary.status]}  ${summary.caseNumber ?? "(không rõ số)"}  ${summary.court ?? summary.courtId}  ${date(summary.issuedDate)}  ${money(summary.totalAmountVnd)}\n    ${parties || "(không rõ đương sự)"}\n`;
}

export const casesCommand: Command = {
  name: "cases",
  summary: "tìm hồ sơ trên máy này (cases search --party ... --agency ... --status ...)",
  usage: USAGE,
  async run(args, io) {
    const [subcommand, ...rest] = args;
    if (subcommand !== "search") throw new UsageError(subcommand === undefined ? "hãy gõ 'thads cases search ...'" : `không có lệnh con '${subcommand}'`);
    const { values } = parseCommandArgs({
      args: rest,
      options: {
        party: { type: "string" },
        agency: { type: "string" },
        status: { type: "string" },
        court: { type: "string" },
        number: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        limit: { type: "string", default: "25" },
        json: { type: "boolean", default: false },
      },
    });
    if (values.status !== undefined && !isStatus(values.status)) throw new UsageError(`--status phải là một trong ${CASE_STATUSES.join(", ")}`);
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError("--limit phải là số nguyên lớn hơn 0");
    const criteria: CaseSearch = {
      ...(values.party !== undefined && { partyName: values.party }),
      ...(values.agency !== undefined && { agencyId: values.agency }),
      ...(values.status !== undefined && { status: values.status as CaseStatus }),
      ...(values.court !== undefined && { courtId: values.court }),
      ...(values.number !== undefined && { caseNumber: values.number }),
      ...(values.from !== undefined && { dateFrom: values.from }),
      ...(values.to !== undefined && { dateTo: values.to }),
    };
    if (Object.keys(criteria).length === 0) throw new UsageError("cần ít nhất một điều kiện tìm (--party, --agency, --status, ...)");
    const { searchCases } = await import("#use-cases/case-queries.ts");
    const { CLI_READER, demoCaller } = await import("../../local/user-pool.ts");
    return withStackSession(io, async (session) => {
      const found: CaseSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchCases(criteria, { limit: Math.min(100, limit - found.length), cursor }, session.cases, demoCaller(CLI_READER)!);
        found.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && found.length < limit);
      for (const summary of found) io.out(values.json ? `${JSON.stringify(summary)}\n` : formatCaseLine(summary));
      if (!values.json) io.out(`${found.length} hồ sơ${cursor ? " (còn nữa: tăng --limit)" : ""}\n`);
      return 0;
    });
  },
};
