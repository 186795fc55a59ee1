/**
 * Who may call what, over HTTP on the embedded stack with real tokens from its user pool: every route
 * of the case API called by no one, a court, another court, staff of another unit, a leader and
 * staff of the case's unit, against a table written out by hand below (not derived from
 * infra/topology.ts); then the matters flow as the three roles would work it, and forged tokens.
 * Each matrix cell is recorded for RELIABILITY.md (scripts/reliability.ts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASE_API_ROUTES } from "../../infra/topology.ts";
import { LocalStack } from "../../local/stack.ts";
import { LOCAL_USER_POOL } from "../../local/user-pool.ts";
import { renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { samplesDir } from "../support/paths.ts";
import { recordReliability } from "../support/reliability.ts";
import { bearer } from "../support/sign-in.ts";

type Headers = Record<string, string>;
type User = "toa-an" | "toa-an-2" | "can-bo" | "can-bo-2" | "lanh-dao";

let stack: LocalStack;
let api: string;
const as = {} as Record<User, Headers>;
/** The loan judgment 27/2024/DS-ST, uploaded by toa-an; its unit ninh-binh-kv-7 is can-bo's. */
let caseId: string;
/** Its proposals as intake made them, and the matter can-bo opened from the second. */
let proposals: { id: string; lines: unknown[]; unitId: string }[];
let matterId: string;

const segment = (id: string) => id.replace("/", "~");
const json = (headers: Headers, body: unknown): RequestInit => ({ method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${api}${path}`, init);
}

/** Uploads a document as a court would: an upload URL from the API, then the PUT it signed. */
async function upload(user: User, fileName: string, bytes: Uint8Array): Promise<{ status: number; key: string }> {
  const signed = await call("/upload-urls", json(as[user], { fileName, contentType: "application/pdf", sizeBytes: bytes.length }));
  if (signed.status !== 200) return { status: signed.status, key: "" };
  const { key, upload: put } = (await signed.json()) as { key: string; upload: { method: string; url: string; headers: Headers } };
  const stored = await fetch(put.url, { method: put.method, headers: put.headers, body: bytes });
  return { status: stored.status, key };
}

async function caseNumbered(caseNumber: string): Promise<string> {
  const found = await stack.cases.search({ caseNumber }, { limit: 5 });
  if (found.items.length !== 1) throw new Error(`${found.items.length} cases numbered ${caseNumber}`);
  return found.items[0]!.caseId;
}

async function matterVersion(id: string): Promise<number> {
  const read = (await (await call(`/matters/${segment(id)}`, { headers: as["lanh-dao"] })).json()) as { matter: { version: number } };
  return read.matter.version;
}

beforeAll(async () => {
  stack = await LocalStack.start({ dataDir: null, httpPort: 0 });
  api = stack.api!.url;
  for (const user of ["toa-an", "toa-an-2", "can-bo", "can-bo-2", "lanh-dao"] as const) as[user] = await bearer(api, user);

  const loan = await readFile(join(samplesDir, "pdf", "ban-an-vay-tai-san.pdf"));
  const divorce = await readFile(join(samplesDir, "pdf", "quyet-dinh-cong-nhan-thoa-thuan-ly-hon.pdf"));
  await upload("toa-an", "Bản án 27-2024.pdf", loan);
  await upload("toa-an-2", "Quyết định 112.pdf", divorce);
  await stack.settled(120_000);
  // the same file again: a duplicate, and a damaged one: unreadable
  await upload("toa-an", "Bản án 27-2024 (gửi lại).pdf", loan);
  await upload("toa-an", "ban-an-hong.pdf", new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% cut off here"));
  await stack.settled(120_000);

  caseId = await caseNumbered("27/2024/DS-ST");
  proposals = ((await (await call(`/cases/${caseId}/matters`, { headers: as["can-bo"] })).json()) as { proposals: typeof proposals }).proposals;
  const opened = await call(`/cases/${caseId}/matters`, json(as["can-bo"], { proposalId: proposals[1]!.id, decision: { number: "12/QĐ-THADS", date: "2025-03-20" }, executor: "Trần Văn Bình" }));
  if (opened.status !== 201) throw new Error(`opening a matter failed: ${opened.status}`);
  matterId = proposals[1]!.id;
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

/** The callers of the matrix, in the order each route is called: staff of the case's unit last, so that an allowed change comes after every refusal. */
const CALLERS = [
  ["no token", null],
  ["court", "toa-an"],
  ["another court", "toa-an-2"],
  ["staff of another unit", "can-bo-2"],
  ["leader", "lanh-dao"],
  ["staff of the case's unit", "can-bo"],
] as const satisfies readonly (readonly [string, User | null])[];

const A = "allow";
type Expected = typeof A | 401 | 403;

/** Written out by hand: what each caller gets from each route (allow: any 2xx). */
const EXPECTED: Record<string, readonly [Expected, Expected, Expected, Expected, Expected, Expected]> = {
  //                                       no token court other   unit-2 leader staff
  "POST /upload-urls": /*                  */ [401, A, A, 403, 403, 403],
  "GET /uploads": /*                       */ [401, A, A, 403, 403, 403],
  "GET /cases": /*                         */ [401, 403, 403, A, A, A],
  "GET /cases/{caseId}": /*                */ [401, 403, 403, 403, A, A],
  "PATCH /cases/{caseId}": /*              */ [401, 403, 403, 403, 403, A],
  "GET /cases/{caseId}/original": /*       */ [401, 403, 403, 403, A, A],
  "GET /review-queue": /*                  */ [401, 403, 403, A, A, A],
  "GET /cases/{caseId}/matters": /*        */ [401, 403, 403, 403, A, A],
  "POST /cases/{caseId}/matters": /*       */ [401, 403, 403, 403, 403, A],
  "GET /matters/{matterId}": /*            */ [401, 403, 403, 403, A, A],
  "POST /matters/{matterId}/steps": /*     */ [401, 403, 403, 403, 403, A],
  "POST /cases/{caseId}/proposals/split": /* */ [401, 403, 403, 403, 403, A],
  "POST /cases/{caseId}/proposals/merge": /* */ [401, 403, 403, 403, 403, A],
  "POST /cases/{caseId}/proposals": /*     */ [401, 403, 403, 403, 403, A],
  "GET /matters": /*                       */ [401, 403, 403, 403, A, A],
  "POST /matters/{matterId}/obstacles": /* */ [401, 403, 403, 403, 403, A],
  "GET /credit-cases": /*                  */ [401, 403, 403, 403, A, A],
  "GET /reports/{period}": /*              */ [401, 403, 403, A, A, A],
  "GET /reports/{period}/exports/{format}": [401, 403, 403, A, A, A],
};

/** A well-formed request to each route about the loan judgment, made when the cell runs (versions move). */
const REQUESTS: Record<string, (headers: Headers) => Promise<[string, RequestInit]>> = {
  "POST /upload-urls": async (headers) => ["/upload-urls", json(headers, { fileName: "Bản án.pdf", contentType: "application/pdf", sizeBytes: 1000 })],
  "GET /uploads": async (headers) => ["/uploads", { headers }],
  "GET /cases": async (headers) => [`/cases?caseNumber=${encodeURIComponent("27/2024/DS-ST")}`, { headers }],
  "GET /cases/{caseId}": async (headers) => [`/cases/${caseId}`, { headers }],
  "PATCH /cases/{caseId}": async (headers) => {
    const version = (await stack.cases.get(caseId))!.version;
    return [`/cases/${caseId}`, { method: "PATCH", headers: { ...headers, "content-type": "application/json", "if-match": `"${version}"` }, body: JSON.stringify({ reason: "Đã đối chiếu bản gốc", changes: {} }) }];
  },
  "GET /cases/{caseId}/original": async (headers) => [`/cases/${caseId}/original`, { headers }],
  "GET /review-queue": async (headers) => ["/review-queue", { headers }],
  "GET /cases/{caseId}/matters": async (headers) => [`/cases/${caseId}/matters`, { headers }],
  "POST /cases/{caseId}/matters": async (headers) => [
    `/cases/${caseId}/matters`,
    json(headers, { proposalId: proposals[2]!.id, decision: { number: "13/QĐ-THADS", date: "2025-03-21" }, executor: "Lê Văn An" }),
  ],
  "GET /matters/{matterId}": async (headers) => [`/matters/${segment(matterId)}`, { headers }],
  "POST /matters/{matterId}/steps": async (headers) => [`/matters/${segment(matterId)}/steps`, json(headers, { kind: "verify", enforceable: true, version: await matterVersion(matterId) })],
  "POST /cases/{caseId}/proposals/split": async (headers) => [`/cases/${caseId}/proposals/split`, json(headers, { proposalId: proposals[0]!.id, groups: [[0], [1]] })],
  "POST /cases/{caseId}/proposals/merge": async (headers) => {
    const now = ((await (await call(`/cases/${caseId}/matters`, { headers: as["lanh-dao"] })).json()) as { proposals: { id: string }[] }).proposals;
    const parts = now.filter((proposal) => !proposals.some((first) => first.id === proposal.id)).map((proposal) => proposal.id);
    return [`/cases/${caseId}/proposals/merge`, json(headers, { proposalIds: parts.length >= 2 ? parts : [proposals[0]!.id, proposals[2]!.id] })];
  },
  "POST /cases/{caseId}/proposals": async (headers) => [
    `/cases/${caseId}/proposals`,
    json(headers, { debtor: "Đinh Văn Khải", creditor: "Trần Thị Hồng Nhung", kind: "interest", amountVnd: 1_000_000, mode: "on_request", unitId: proposals[0]!.unitId }),
  ],
  "GET /matters": async (headers) => [`/matters?unit=${proposals[0]!.unitId}`, { headers }],
  "POST /matters/{matterId}/obstacles": async (headers) => [`/matters/${segment(matterId)}/obstacles`, json(headers, { note: "Người phải thi hành vắng mặt tại địa phương" })],
  "GET /credit-cases": async (headers) => [`/credit-cases?unit=${proposals[0]!.unitId}`, { headers }],
  "GET /reports/{period}": async (headers) => ["/reports/2025-H1", { headers }],
  "GET /reports/{period}/exports/{format}": async (headers) => ["/reports/2025-H1/exports/csv", { headers }],
};

describe("route x role matrix", () => {
  it("has a hand-written row for every route the API serves", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(CASE_API_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  const cells = Object.entries(EXPECTED).flatMap(([route, row]) => CALLERS.map(([caller, user], column) => ({ route, caller, user, expected: row[column]! })));
  it.for(cells)("$route by $caller: $expected", async ({ route, caller, user, expected }, context) => {
    const [path, init] = await REQUESTS[route]!(user === null ? {} : as[user]);

    const response = await call(path, init);

    recordReliability(context, { kind: "authorisation", route, caller, expected: String(expected), status: response.status });
    if (expected === A) expect(response.status, await response.text()).toBeGreaterThanOrEqual(200);
    if (expected === A) expect(response.status).toBeLessThan(300);
    else expect(response.status).toBe(expected);
    if (expected === 403) expect(((await response.json()) as { message: string }).message).toMatch(/^(Tài khoản|Hồ sơ hoặc việc)/);
  });
});

describe("courts see their own uploads only", () => {
  it("lists a court's uploads with what became of each: filed, duplicate, unreadable with its reason", async () => {
    const listed = (await (await call("/uploads", { headers: as["toa-an"] })).json()) as { items: { fileName: string; fate: string; caseId: string; caseStatus: string | null; reasons: string[] }[] };

    const byName = Object.fromEntries(listed.items.map((item) => [item.fileName, item]));
    expect(Object.keys(byName).sort()).toEqual(["Bản án 27-2024 (gửi lại).pdf", "Bản án 27-2024.pdf", "ban-an-hong.pdf"]);
    expect(byName["Bản án 27-2024.pdf"]).toMatchObject({ fate: "filed", caseId, caseStatus: expect.stringMatching(/extracted|verified/), reasons: [] });
    expect(byName["Bản án 27-2024 (gửi lại).pdf"]).toMatchObject({ fate: "duplicate", caseId, reasons: [`Tài liệu trùng với tài liệu đã gửi trước (hồ sơ ${caseId}); không lập hồ sơ mới`] });
    expect(byName["ban-an-hong.pdf"]).toMatchObject({ fate: "unreadable", caseStatus: "needs_review", reasons: [expect.stringMatching(/^Không đọc được tài liệu/)] });
  });

  it("refuses a court another court's case, and gives it no way to ask for another court's uploads", async () => {
    const otherCase = await call(`/cases/${caseId}`, { headers: as["toa-an-2"] });
    const asked = await call("/uploads?courtId=tand-tinh-ninh-binh", { headers: as["toa-an-2"] });
    const own = (await (await call("/uploads", { headers: as["toa-an-2"] })).json()) as { items: { fileName: string }[] };

    expect(otherCase.status).toBe(403);
    expect(asked.status).toBe(400);
    expect(own.items.map((item) => item.fileName)).toEqual(["Quyết định 112.pdf"]);
  });
});

describe("leaders read everything and change nothing", () => {
  it("refuses a leader every write route, and the case and matter stay as they were", async () => {
    const caseBefore = (await stack.cases.get(caseId))!.version;
    const matterBefore = await matterVersion(matterId);
    const writes = CASE_API_ROUTES.filter((route) => route.method !== "GET").map((route) => `${route.method} ${route.path}`);

    const statuses = await Promise.all(writes.map(async (route) => (await call(...(await REQUESTS[route]!(as["lanh-dao"])))).status));

    expect(statuses).toEqual(writes.map(() => 403));
    expect((await stack.cases.get(caseId))!.version).toBe(caseBefore);
    expect(await matterVersion(matterId)).toBe(matterBefore);
  });
});

describe("tokens the API does not accept", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (changes: Record<string, unknown>) => ({
    sub: "00000000-0000-4000-8000-000000000000",
    aud: LOCAL_USER_POOL.clientId,
    iss: LOCAL_USER_POOL.issuer,
    token_use: "id",
    "cognito:username": "lanh-dao",
    "cognito:groups": ["leader"],
    iat: now(),
    exp: now() + 300,
    ...changes,
  });

  it.each([
    ["a tampered token (a court's, its claims changed to a leader's)", async () => {
      const [header, , signature] = String(as["toa-an"].authorization).slice("Bearer ".length).split(".") as [string, string, string];
      return `${header}.${Buffer.from(JSON.stringify(claims({}))).toString("base64url")}.${signature}`;
    }],
    ["an expired token", async () => stack.userPool.sign(claims({ iat: now() - 7200, exp: now() - 3600 }))],
    ["a token from another issuer", async () => stack.userPool.sign(claims({ iss: "https://cognito-idp.local/someone-else" }))],
    ["a token for another app client", async () => stack.userPool.sign(claims({ aud: "another-client" }))],
  ])("answers %s with 401 and reads nothing", async (_, token) => {
    const response = await call(`/cases/${caseId}`, { headers: { authorization: `Bearer ${await token()}` } });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "Unauthorized", code: "auth.unauthenticated" });
  });

  it("signs in with the demo password only", async () => {
    const wrong = await call("/auth/sign-in", json({}, { username: "can-bo", password: "không-phải" }));

    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ message: "Sai tên đăng nhập hoặc mật khẩu" });
  });
});

describe("the matters flow with role tokens", () => {
  it("court uploads, staff find the case, open a matter and record verify, collect and complete; the leader reads it all and cannot record a step", async () => {
    const text = (await readFile(join(samplesDir, "ban-an-vay-tai-san.txt"), "utf8")).replaceAll("27/2024/DS-ST", "31/2024/DS-ST");
    const uploaded = await upload("toa-an", "Bản án 31-2024.pdf", await renderTextPdf([text]));
    await stack.settled(120_000);

    const found = (await (await call(`/cases?caseNumber=${encodeURIComponent("31/2024/DS-ST")}`, { headers: as["can-bo"] })).json()) as { items: { caseId: string }[] };
    const flowCase = found.items[0]!.caseId;
    const listed = (await (await call(`/cases/${flowCase}/matters`, { headers: as["can-bo"] })).json()) as { proposals: { id: string; amountVnd: number }[] };
    const proposal = listed.proposals[0]!;
    const opened = await call(`/cases/${flowCase}/matters`, json(as["can-bo"], { proposalId: proposal.id, decision: { number: "40/QĐ-THADS", date: "2025-04-01" }, executor: "Trần Văn Bình" }));
    const step = (version: number, body: Record<string, unknown>, user: User = "can-bo") => call(`/matters/${segment(proposal.id)}/steps`, json(as[user], { ...body, version }));
    const verified = await step(1, { kind: "verify", enforceable: true, date: "2025-04-10" });
    const collected = await step(2, { kind: "collect", amountVnd: 1_000_000, receipt: "BL-0001", date: "2025-05-10" });
    const refused = await step(3, { kind: "complete", date: "2025-06-01" }, "lanh-dao");
    const completed = await step(3, { kind: "complete", date: "2025-06-01" });
    const leaderCase = await call(`/cases/${flowCase}`, { headers: as["lanh-dao"] });
    const leaderMatter = (await (await call(`/matters/${segment(proposal.id)}`, { headers: as["lanh-dao"] })).json()) as { matter: { state: string; collectedVnd: number; events: { by: string; to: string }[] } };

    expect(uploaded.status).toBe(200);
    expect([opened.status, verified.status, collected.status, refused.status, completed.status, leaderCase.status]).toEqual([201, 200, 200, 403, 200, 200]);
    expect(leaderMatter.matter.state).toBe("completed");
    expect(leaderMatter.matter.events.map((event) => [event.by, event.to])).toEqual([
      ["can-bo", "accepted"],
      ["can-bo", "enforceable"],
      ["can-bo", "enforceable"],
      ["can-bo", "completed"],
    ]);
  });
});
