import { CASE_ID_PATTERN } from "#domain/stored-case.ts";
import { NotFoundError } from "#shared/errors.ts";
import { UsageError, parseCommandArgs, type Command } from "../command.ts";
import { date, formatCaseSummary } from "../format/case-summary.ts";
import { withStackSession } from "../local-stack.ts";

const USAGE = `usage: thads case [--json] CASE_ID

Shows one case of the local stack, as the case API's GET /cases/{caseId} does: what was extracted,
its status and review reasons, where the original is kept, and its correction history.

Options:
  --json      the case and its history as JSON
  -h, --help  show this help
`;

export const caseCommand: Command = {
  name: "case",
  summary: "show one case of the local stack",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: { json: { type: "boolean", default: false } }, allowPositionals: true });
    const [caseId, ...extra] = positionals;
    if (caseId === undefined || extra.length > 0) throw new UsageError("give exactly one CASE_ID");
    if (!CASE_ID_PATTERN.test(caseId)) throw new UsageError(`${caseId} is not a case id (32 hex digits, as 'thads cases search' lists them)`);
    const { getCase } = await import("#use-cases/case-queries.ts");
    return withStackSession(io, async (session) => {
      let found;
      try {
        found = await getCase(caseId, session.cases);
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
          `Mã hồ sơ:      ${stored.caseId} (phiên bản ${stored.version}, ${stored.status})`,
          `Nhận ngày:     ${date(stored.receivedAt.slice(0, 10))} từ ${stored.source.courtId}; cơ quan THA: ${stored.agencyId ?? "(chưa có)"}`,
          `Bản gốc:       s3://${stored.source.bucket}/${stored.source.key}`,
          ...found.history.map((entry) => `Sửa đổi v${entry.version} ${entry.at} bởi ${entry.by}: ${entry.reason}`),
        ].join("\n") + "\n",
      );
      return 0;
    });
  },
};
