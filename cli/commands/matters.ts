import { MATTER_STATES, type MatterState } from "#domain/lifecycle/states.ts";
import type { MatterStep } from "#domain/lifecycle/steps.ts";
import { MOVE_KINDS, STEP_KINDS } from "#domain/lifecycle/steps.ts";
import { matterIdOfPathSegment } from "#domain/matters/matter-id.ts";
import { CASE_ID_PATTERN } from "#domain/stored-case.ts";
import { RefusalError } from "#shared/errors.ts";
import { UsageError, parseCommandArgs, type CliIo, type Command } from "../command.ts";
import { formatMatter, formatMatterLine, formatMatterRow, formatProposal } from "../format/matter-summary.ts";
import { withStackSession } from "../local-stack.ts";
import type { StackSession } from "../../local/session.ts";

const USAGE = `cách dùng: thads matters list [--json] CASE_ID
           thads matters list [--json] --unit U [--executor E] [--state S] [--mode M] [--credit] [--older-than N]
                              [--limit N] [--cursor C]
           thads matters add [--json] CASE_ID --debtor NAME --creditor NAME --kind KIND --amount N --mode M --unit U [--note T]
           thads matters obstacle [--json] MATTER_ID --note T
           thads matters open [--json] CASE_ID --proposal ID --decision SO --decision-date YYYY-MM-DD --executor NAME
                              [--amount N] [--unit ID] [--note T]
           thads matters step [--json] MATTER_ID --kind KIND [--result enforceable|not-enforceable] [--date YYYY-MM-DD]
                              [--amount N] [--receipt R] [--to UNIT] [--note T] [--version V]
           thads matters show [--json] MATTER_ID
           thads matters split [--json] CASE_ID --proposal ID --groups 0,1|2
           thads matters merge [--json] CASE_ID --proposal ID --proposal ID... [--debtor NAME --creditor NAME]

Làm việc với các việc thi hành án trên máy này, như các đường dẫn việc của API hồ sơ:
  list  các việc khâu tiếp nhận đề xuất cho một hồ sơ và các việc đã thụ lý (GET /cases/{caseId}/matters);
        với --unit hoặc --executor: danh sách việc của đơn vị, chấp hành viên, thụ lý lâu nhất trước (GET /matters)
  add   bổ sung một việc khâu đọc bản án bỏ sót, thành việc đề xuất rồi thụ lý như thường (POST /cases/{caseId}/proposals)
  obstacle  ghi một vướng mắc của việc, có lưu vết (POST /matters/{matterId}/obstacles)
  open  thụ lý một việc đề xuất theo quyết định thi hành án (POST /cases/{caseId}/matters)
  step  ghi một bước thi hành của việc (POST /matters/{matterId}/steps); KIND là một trong
        verify (xác minh, kèm --result), collect (thu tiền, kèm --amount và --receipt), reduce (giảm, kèm
        --amount), postpone (hoãn), suspend (tạm đình chỉ), resume (tiếp tục), terminate (đình chỉ),
        complete (thi hành xong), transfer (ủy thác, kèm --to: đơn vị nhận, sẽ thụ lý việc đề xuất mới)
  show  xem một việc cùng lịch sử được lưu vết (GET /matters/{matterId})
  split tách một đề xuất chưa ai thụ lý, mỗi nhóm vị trí dòng thành một phần (POST .../proposals/split)
  merge gộp các đề xuất chưa ai thụ lý thành một; nêu tên đương sự khi các đề xuất khác nhau (POST .../proposals/merge)

Tùy chọn:
  --unit U         đơn vị thi hành án (mã, như ha-nam-phu-ly)
  --executor E     chấp hành viên (không phân biệt dấu, hoa thường)
  --state S        trạng thái: accepted (thụ lý), enforceable (có điều kiện), not_enforceable (chưa có điều kiện),
                   in_progress (đang thi hành), postponed (hoãn), suspended (tạm đình chỉ), completed (xong),
                   terminated (đình chỉ), transferred (ủy thác)
  --mode M         ex_officio (chủ động) hoặc on_request (theo đơn)
  --credit         chỉ việc có tổ chức tín dụng, ngân hàng là đương sự
  --older-than N   chỉ việc thụ lý quá N ngày
  --limit N        số việc mỗi trang (mặc định 50); --cursor C đọc trang sau
  --kind KIND      loại khoản: principal, interest, compensation, child_support, court_fee, fine, confiscation, other
  --amount N       số tiền (đồng), viết liền hoặc có dấu chấm (2.500.000); khi thụ lý là số tiền phải thi hành đã sửa
  --date D         ngày thực hiện bước (mặc định: hôm nay theo giờ Việt Nam)
  --version V      phiên bản làm căn cứ cho bước (mặc định: phiên bản hiện tại của việc)
  --as USER        người dùng thực hiện open, step, split, merge (mặc định can-bo; xem người dùng mẫu khi chạy npm start);
                   các lệnh chỉ xem dùng quyền lãnh đạo (lanh-dao)
  --json           kết quả dạng JSON
  -h, --help       xem hướng dẫn này
`;

const options = {
  json: { type: "boolean", default: false },
  proposal: { type: "string", multiple: true },
  groups: { type: "string" },
  debtor: { type: "string" },
  creditor: { type: "string" },
  decision: { type: "string" },
  "decision-date": { type: "string" },
  executor: { type: "string" },
  amount: { type: "string" },
  unit: { type: "string" },
  note: { type: "string" },
  kind: { type: "string" },
  result: { type: "string" },
  date: { type: "string" },
  receipt: { type: "string" },
  version: { type: "string" },
  to: { type: "string" },
  state: { type: "string" },
  mode: { type: "string" },
  credit: { type: "boolean" },
  "older-than": { type: "string" },
  limit: { type: "string" },
  cursor: { type: "string" },
  as: { type: "string" },
} as const;

type Values = ReturnType<typeof parseCommandArgs<{ args: string[]; options: typeof options; allowPositionals: true }>>["values"];

function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new UsageError(`${flag} phải là ngày dạng YYYY-MM-DD, không phải ${value}`);
  return value;
}

function amount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(?:\d{1,16}|\d{1,3}(?:\.\d{3}){1,5})$/.test(value)) throw new UsageError(`--amount phải là số tiền nguyên (đồng), không phải ${value}`);
  return Number(value.replaceAll(".", ""));
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === "") throw new UsageError(`cần nêu ${flag}`);
  return value;
}

function groupsOf(value: string): number[][] {
  if (!/^\d{1,3}(?:,\d{1,3})*(?:\|\d{1,3}(?:,\d{1,3})*)+$/.test(value)) throw new UsageError(`--groups liệt kê vị trí dòng, các nhóm ngăn bằng '|': ví dụ 0,1|2; không phải ${value}`);
  return value.split("|").map((group) => group.split(",").map(Number));
}

function oneProposal(values: Values): string {
  const [proposal, ...extra] = values.proposal ?? [];
  if (proposal === undefined || extra.length > 0) throw new UsageError("cần nêu đúng một --proposal");
  return proposal;
}

function stepOf(values: Values): MatterStep {
  const kind = required(values.kind, "--kind");
  if (kind === "verify") {
    const result = required(values.result, "--result");
    if (result !== "enforceable" && result !== "not-enforceable") throw new UsageError("--result phải là enforceable (có điều kiện thi hành) hoặc not-enforceable (chưa có điều kiện thi hành)");
    return { kind, enforceable: result === "enforceable" };
  }
  if (kind === "collect") {
    const paid = amount(required(values.amount, "--amount"))!;
    return { kind, amountVnd: paid, ...(values.receipt !== undefined && { receipt: values.receipt }) };
  }
  if (kind === "reduce") return { kind, amountVnd: amount(required(values.amount, "--amount"))! };
  if (kind === "transfer") return { kind, toUnitId: required(values.to, "--to") };
  const move = MOVE_KINDS.find((candidate) => candidate === kind);
  if (!move) throw new UsageError(`--kind phải là một trong ${STEP_KINDS.join(", ")}`);
  return { kind: move };
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value)) throw new UsageError(`${flag} phải là số nguyên, không phải ${value}`);
  return Number(value);
}

function modeOf(value: string | undefined): "ex_officio" | "on_request" | undefined {
  if (value === undefined || value === "ex_officio" || value === "on_request") return value;
  throw new UsageError(`--mode phải là ex_officio (chủ động) hoặc on_request (theo đơn), không phải ${value}`);
}

function stateOf(value: string | undefined): MatterState | undefined {
  if (value === undefined) return undefined;
  const state = MATTER_STATES.find((candidate) => candidate === value);
  if (!state) throw new UsageError(`--state phải là một trong ${MATTER_STATES.join(", ")}`);
  return state;
}

function oneId(positionals: string[], what: string): string {
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new UsageError(`cần nêu đúng một ${what}`);
  return id;
}

function caseIdArg(positionals: string[]): string {
  const caseId = oneId(positionals, "CASE_ID");
  if (!CASE_ID_PATTERN.test(caseId)) throw new UsageError(`${caseId} không phải mã hồ sơ (32 chữ số thập lục phân, như 'thads cases search' liệt kê)`);
  return caseId;
}

/** Runs one matter action on the local stack; a refusal (unknown matter, a step the lifecycle forbids) prints its Vietnamese reason. */
async function onStack(io: CliIo, work: (session: StackSession) => Promise<void>): Promise<number> {
  return withStackSession(io, async (session) => {
    try {
      await work(session);
      return 0;
    } catch (error) {
      if (!(error instanceof RefusalError)) throw error;
      io.err(`thads: ${error.message}\n`);
      return 1;
    }
  });
}

export const mattersCommand: Command = {
  name: "matters",
  summary: "liệt kê, thụ lý, tách, gộp việc thi hành án và ghi các bước thi hành trên máy này",
  usage: USAGE,
  async run(args, io) {
    const [action, ...rest] = args;
    const { values, positionals } = parseCommandArgs({ args: rest, options, allowPositionals: true });
    const print = (json: unknown, text: string) => io.out(values.json ? `${JSON.stringify(json, null, 2)}\n` : text);
    const { addStaffProposal, caseMatters, getMatter, listMatters, mergeCaseProposals, noteMatterObstacle, openProposedMatter, recordMatterStep, splitCaseProposal } = await import(
      "#use-cases/matters.ts"
    );
    const { CLI_READER, CLI_WORKER, DEMO_USERS, demoCaller } = await import("../../local/user-pool.ts");
    const reader = demoCaller(CLI_READER)!;
    const asUser = values.as ?? CLI_WORKER;
    const caller = demoCaller(asUser);
    if (caller === null) throw new UsageError(`--as: không có người dùng ${asUser} (${DEMO_USERS.map((user) => user.username).join(", ")})`);
    switch (action) {
      case "list": {
        if (values.unit !== undefined || values.executor !== undefined) {
          if (positionals.length > 0) throw new UsageError("liệt kê theo hồ sơ (CASE_ID) hoặc theo --unit, --executor, không cả hai");
          const request = {
            unitId: values.unit,
            executor: values.executor,
            state: stateOf(values.state),
            mode: modeOf(values.mode),
            creditInstitution: values.credit,
            olderThanDays: wholeNumber(values["older-than"], "--older-than"),
          };
          const page = { limit: Math.min(Math.max(wholeNumber(values.limit, "--limit") ?? 50, 1), 100), cursor: values.cursor };
          return onStack(io, async ({ matters }) => {
            const now = () => new Date();
            const found = await listMatters(request, page, { matters, now }, reader);
            const today = new Date().toISOString();
            const more = found.nextCursor ? `Còn trang sau: --cursor ${found.nextCursor}\n` : "";
            print(found, `Số việc: ${found.items.length}\n${found.items.map((row) => `${formatMatterRow(row, today)}\n`).join("")}${more}`);
          });
        }
        const caseId = caseIdArg(positionals);
        return onStack(io, async ({ matters }) => {
          const found = await caseMatters(caseId, { matters }, reader);
          const opened = new Set(found.matters.map((matter) => matter.id));
          const waiting = found.proposals.filter((proposal) => !opened.has(proposal.id));
          print(
            found,
            `Việc đề xuất chưa thụ lý: ${waiting.length}\n${waiting.map((p) => `${formatProposal(p)}\n`).join("")}Việc đã thụ lý: ${found.matters.length}\n${found.matters.map((m) => `${formatMatterLine(m)}\n`).join("")}`,
          );
        });
      }
      case "open": {
        const caseId = caseIdArg(positionals);
        const request = {
          caseId,
          proposalId: oneProposal(values),
          decision: { number: required(values.decision, "--decision"), date: isoDate(required(values["decision-date"], "--decision-date"), "--decision-date")! },
          executor: required(values.executor, "--executor"),
          ...(values.amount !== undefined && { amountVnd: amount(values.amount) }),
          ...(values.unit !== undefined && { unitId: values.unit }),
          ...(values.note !== undefined && { note: values.note }),
          caller,
        };
        return onStack(io, async ({ matters }) => {
          const matter = await openProposedMatter(request, { matters });
          print({ matter }, `Đã thụ lý việc ${matter.id}\n${formatMatter(matter)}`);
        });
      }
      case "step": {
        const matterId = matterIdOfPathSegment(oneId(positionals, "MATTER_ID"));
        const step = stepOf(values);
        const date = isoDate(values.date, "--date");
        if (values.version !== undefined && !/^[1-9]\d{0,8}$/.test(values.version)) throw new UsageError(`--version phải là số nguyên dương, không phải ${values.version}`);
        return onStack(io, async ({ matters }) => {
          const expectedVersion = values.version === undefined ? (await getMatter(matterId, { matters }, reader)).version : Number(values.version);
          const matter = await recordMatterStep(
            { matterId, expectedVersion, step, caller, ...(date !== undefined && { date }), ...(values.note !== undefined && { note: values.note }) },
            { matters, now: () => new Date() },
          );
          print({ matter }, `Đã ghi bước của việc ${matter.id}\n${formatMatter(matter)}`);
        });
      }
      case "add": {
        const caseId = caseIdArg(positionals);
        const { obligationKinds } = await import("#use-cases/correct-case.ts");
        const kind = obligationKinds.find((candidate) => candidate === values.kind);
        if (!kind) throw new UsageError(`--kind phải là một trong ${obligationKinds.join(", ")}`);
        const request = {
          caseId,
          debtor: required(values.debtor, "--debtor"),
          creditor: required(values.creditor, "--creditor"),
          kind,
          amountVnd: amount(required(values.amount, "--amount"))!,
          mode: modeOf(required(values.mode, "--mode"))!,
          unitId: required(values.unit, "--unit"),
          caller,
          ...(values.note !== undefined && { note: values.note }),
        };
        return onStack(io, async ({ cases, matters }) => {
          const proposal = await addStaffProposal(request, { cases, matters, now: () => new Date() });
          print({ proposal }, `Đã bổ sung việc đề xuất\n${formatProposal(proposal)}\n`);
        });
      }
      case "obstacle": {
        const matterId = matterIdOfPathSegment(oneId(positionals, "MATTER_ID"));
        const note = required(values.note, "--note");
        return onStack(io, async ({ matters }) => {
          const matter = await noteMatterObstacle({ matterId, note, caller }, { matters, now: () => new Date() });
          print({ matter }, `Đã ghi vướng mắc của việc ${matter.id}\n${formatMatter(matter)}`);
        });
      }
      case "show": {
        const matterId = matterIdOfPathSegment(oneId(positionals, "MATTER_ID"));
        return onStack(io, async ({ matters }) => {
          const matter = await getMatter(matterId, { matters }, reader);
          print({ matter }, formatMatter(matter));
        });
      }
      case "split": {
        const caseId = caseIdArg(positionals);
        const request = { caseId, proposalId: oneProposal(values), groups: groupsOf(required(values.groups, "--groups")), caller };
        return onStack(io, async ({ matters }) => {
          const parts = await splitCaseProposal(request, { matters });
          print({ proposals: parts }, `Đã tách thành ${parts.length} việc đề xuất\n${parts.map((p) => `${formatProposal(p)}\n`).join("")}`);
        });
      }
      case "merge": {
        const caseId = caseIdArg(positionals);
        const proposalIds = values.proposal ?? [];
        if (proposalIds.length < 2) throw new UsageError("cần nêu ít nhất hai --proposal");
        if ((values.debtor === undefined) !== (values.creditor === undefined)) throw new UsageError("cần nêu cả --debtor và --creditor");
        const parties = values.debtor !== undefined && values.creditor !== undefined ? { debtor: values.debtor, creditor: values.creditor } : undefined;
        return onStack(io, async ({ matters }) => {
          const merged = await mergeCaseProposals({ caseId, proposalIds, ...(parties && { parties }), caller }, { matters });
          print({ proposal: merged }, `Đã gộp thành việc đề xuất\n${formatProposal(merged)}\n`);
        });
      }
      default:
        throw new UsageError("cần nêu thao tác: list, add, open, step, obstacle, show, split hoặc merge");
    }
  },
};
