/**
 * The intake and the case API on the embedded stack: DynamoDB Local, the S3-compatible server and the
 * same function modules as on AWS, talked to with the real AWS SDK clients. One stack for the file,
 * its tables in memory.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { LocalStack } from "../../local/stack.ts";
import { samplesDir } from "../support/paths.ts";
import { bearer } from "../support/sign-in.ts";

let stack: LocalStack;
let loanJudgment: Buffer;
/** Demo users' Authorization headers: a court, staff of the unit that receives the loan judgment (ninh-binh-kv-7). */
let asCourt: { authorization: string };
let asStaff: { authorization: string };

beforeAll(async () => {
  // A short retry delay: the dead-letter test waits out every redelivery.
  stack = await LocalStack.start({ dataDir: null, httpPort: 0, queue: { retryDelayMs: 20 } });
  loanJudgment = await readFile(join(samplesDir, "pdf", "ban-an-vay-tai-san.pdf"));
  [asCourt, asStaff] = await Promise.all([bearer(stack.api!.url, "toa-an"), bearer(stack.api!.url, "can-bo")]);
});

afterAll(async () => {
  await stack?.stop();
});

async function ingest(courtId: string, fileName: string, bytes: Uint8Array): Promise<string> {
  const key = await stack.upload({ courtId, fileName, bytes });
  await stack.settled(120_000);
  return key;
}

async function caseCount(): Promise<number> {
  let count = 0;
  for await (const _ of stack.cases.allCases()) count++;
  return count;
}

async function casesNumbered(caseNumber: string) {
  const found = [];
  for await (const stored of stack.cases.allCases()) if (stored.caseNumber === caseNumber) found.push(stored);
  return found;
}

describe("local stack intake", () => {
  it("turns an uploaded judgment into a case that keeps where its original lies", async () => {
    const key = await ingest("tand-binh-luc", "Bản án 27-2024 (Trần Thị Hồng N)+phụ lục.pdf", loanJudgment);

    const [stored] = await casesNumbered("27/2024/DS-ST");
    // a Hà Nam district court's judgment arriving after the July 2025 merger goes to the regional office of
    // the merged Ninh Bình that took the court over, with nothing for staff to confirm
    expect(stored).toMatchObject({
      status: "extracted",
      reviewReasons: [],
      court: "Tòa án nhân dân huyện Bình Lục, tỉnh Hà Nam",
      issuedDate: "2024-03-15",
      agencyId: "ninh-binh-kv-7",
      textSource: "text-layer",
      source: { bucket: LOCAL_NAMES.uploadsBucket, key, courtId: "tand-binh-luc", fileName: "Bản án 27-2024 (Trần Thị Hồng N)+phụ lục.pdf" },
    });
    expect(stored?.parties.map((party) => party.name)).toContain("Trần Thị Hồng Nhung");
  });

  it("makes one case of the same file uploaded again under the same key and under another", async () => {
    const [first] = await casesNumbered("27/2024/DS-ST");
    if (!first) throw new Error("the first test stores the judgment");

    await stack.clients.s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadsBucket, Key: first.source.key, Body: loanJudgment, ContentType: "application/pdf" }));
    await stack.settled(120_000);
    await ingest("tand-phu-ly", "ban-an-27-2024.pdf", loanJudgment);

    const cases = await casesNumbered("27/2024/DS-ST");
    expect(cases).toHaveLength(1);
    expect(cases[0]?.source.key).toBe(first.source.key);
    expect(stack.deadLetters()).toEqual([]);
  });

  it("puts a readable PDF that is no judgment in the review queue with its reason, and keeps the original", async () => {
    const notice = await renderTextPdf([
      "CÔNG TY TNHH THƯƠNG MẠI HOÀNG LONG\n\nTHÔNG BÁO\nVề việc thay đổi lịch làm việc\n\nTừ ngày 01 tháng 7 năm 2024, công ty làm việc từ thứ Hai đến thứ Sáu.\n\nGIÁM ĐỐC\nNguyễn Văn Bình",
    ]);
    const key = await ingest("tand-phu-ly", "thong-bao.pdf", notice);

    const queue = await stack.cases.reviewQueue({ courtId: "tand-phu-ly" }, { limit: 10 });
    const entry = queue.items.find((item) => item.caseNumber === null);
    expect(entry?.reviewReasons).toContain("Không nhận ra văn bản là bản án hay quyết định: cần xác định loại văn bản");
    const stored = await stack.cases.get(entry!.caseId);
    expect(stored?.source.key).toBe(key);
    const original = await stack.clients.s3.send(new GetObjectCommand({ Bucket: LOCAL_NAMES.uploadsBucket, Key: key }));
    expect(Buffer.from(await original.Body!.transformToByteArray()).equals(Buffer.from(notice))).toBe(true);
  });

  it("files a damaged PDF as a case for review with its reason, keeps the original, and does not retry it", async () => {
    const damaged = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% cut off here");
    const key = await ingest("tand-phu-ly", "ban-an-hong.pdf", damaged);

    expect(stack.intakeDeadLetters.list()).toEqual([]);
    const queue = await stack.cases.reviewQueue({ courtId: "tand-phu-ly" }, { limit: 10 });
    const entry = queue.items.find((item) => item.reviewCodes.some((code) => code === "document.truncated" || code === "document.corrupt"));
    expect(entry?.reviewReasons.join(" ")).toMatch(/^Không đọc được tài liệu/);
    expect((await stack.cases.get(entry!.caseId))?.source.key).toBe(key);
    const original = await stack.clients.s3.send(new GetObjectCommand({ Bucket: LOCAL_NAMES.uploadsBucket, Key: key }));
    expect((await original.Body!.transformToByteArray()).length).toBe(damaged.length);
  });
});

/** A presigned upload the case API signs for the demo court. */
async function uploadUrl(fileName: string, sizeBytes: number) {
  const signed = await fetch(`${stack.api!.url}/upload-urls`, {
    method: "POST",
    headers: { "content-type": "application/json", ...asCourt },
    body: JSON.stringify({ fileName, contentType: "application/pdf", sizeBytes }),
  });
  if (signed.status !== 200) throw new Error(`upload URL refused: ${signed.status}`);
  return (await signed.json()) as { key: string; upload: { method: string; url: string; headers: Record<string, string> } };
}

describe("local stack upload through the case API", () => {
  it("lets a court upload with the presigned URL the API signs for it, and the upload becomes a case", async () => {
    const decision = await readFile(join(samplesDir, "pdf", "quyet-dinh-cong-nhan-thoa-thuan-ly-hon.pdf"));
    const signed = await fetch(`${stack.api!.url}/upload-urls`, {
      method: "POST",
      headers: { "content-type": "application/json", ...asCourt },
      body: JSON.stringify({ fileName: "Quyết định 112 (Phạm Thị H).pdf", contentType: "application/pdf", sizeBytes: decision.length }),
    });
    const { key, upload } = (await signed.json()) as { key: string; upload: { method: string; url: string; headers: Record<string, string> } };

    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: decision });
    await stack.settled(120_000);

    expect(signed.status).toBe(200);
    expect(put.status).toBe(200);
    const found = await stack.cases.search({ courtId: "tand-tinh-ninh-binh", caseNumber: "112/2024/QĐST-HNGĐ" }, { limit: 10 });
    expect(found.items.map((item) => item.caseNumber)).toEqual(["112/2024/QĐST-HNGĐ"]);
    expect((await stack.cases.get(found.items[0]!.caseId))?.source.key).toBe(key);
  });

  it("refuses a second PUT on the same upload URL: the first original stays, and one case is filed", async () => {
    const decision = await readFile(join(samplesDir, "pdf", "quyet-dinh-cong-nhan-thoa-thuan-ly-hon.pdf"));
    const { key, upload } = await uploadUrl("Quyết định 112.pdf", decision.length);
    const first = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: decision });
    await stack.settled(120_000);
    const casesBefore = await caseCount();

    const replacement = Buffer.alloc(decision.length, 0x20);
    const second = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: replacement });
    await stack.settled(120_000);

    expect(first.status).toBe(200);
    expect(second.status).toBe(412);
    const stored = await stack.clients.s3.send(new GetObjectCommand({ Bucket: LOCAL_NAMES.uploadsBucket, Key: key }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(decision)).toBe(true);
    expect(await caseCount()).toBe(casesBefore);
  });

  it("refuses an upload without the no-overwrite condition the URL was signed with", async () => {
    const { upload } = await uploadUrl("ban-an.pdf", 4);
    const { "if-none-match": condition, ...otherHeaders } = upload.headers;

    const put = await fetch(upload.url, { method: upload.method, headers: otherHeaders, body: "%PDF" });

    expect(condition).toBe("*");
    expect(put.status).toBe(403);
  });

  it("lets staff download an original with a Vietnamese name through the URL the API gives, bytes unchanged", async () => {
    const [judgment] = await casesNumbered("27/2024/DS-ST");

    const signed = await fetch(`${stack.api!.url}/cases/${judgment!.caseId}/original`, { headers: asStaff });
    const { url } = (await signed.json()) as { url: string };
    const download = await fetch(url);

    expect(signed.status).toBe(200);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("Bản án 27-2024 (Trần Thị Hồng N)+phụ lục.pdf")}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(loanJudgment)).toBe(true);
  });

  it("refuses an upload URL to a caller that is signed in as no court (403) or not signed in at all (401)", async () => {
    const ask = (headers: Record<string, string>) =>
      fetch(`${stack.api!.url}/upload-urls`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ fileName: "x.pdf", contentType: "application/pdf", sizeBytes: 10 }),
      });

    expect([(await ask(asStaff)).status, (await ask({})).status]).toEqual([403, 401]);
  });
});

describe("local stack case search", () => {
  it("finds a case by a party's name typed with or without diacritics", async () => {
    const withMarks = await stack.cases.search({ partyName: "Trần Thị Hồng Nhung" }, { limit: 10 });
    const without = await stack.cases.search({ partyName: "tran thi hong nhung" }, { limit: 10 });

    expect(withMarks.items.map((item) => item.caseNumber)).toEqual(["27/2024/DS-ST"]);
    expect(without.items.map((item) => item.caseId)).toEqual(withMarks.items.map((item) => item.caseId));
  });

  it("answers the case API on localhost through the search function, as API Gateway would call it", async () => {
    const response = await fetch(`${stack.api!.url}/cases?partyName=${encodeURIComponent("dinh van khai")}`, { headers: asStaff });
    const body = (await response.json()) as { items: { caseNumber: string }[] };

    expect(response.status).toBe(200);
    expect(body.items.map((item) => item.caseNumber)).toEqual(["27/2024/DS-ST"]);
  });

  it("refuses a leader's search with no narrowing criterion with 400 and the reason", async () => {
    const response = await fetch(`${stack.api!.url}/cases`, { headers: await bearer(stack.api!.url, "lanh-dao") });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "InvalidRequestError" });
  });
});

describe("local stack answers bad requests with 4xx and a reason, never 500", () => {
  const forgedCursor = Buffer.from(JSON.stringify({ p: 0, k: { pk: "CASE#forged", sk: "CASE", courtPk: "COURT#tand-khac", dateSk: "x" } })).toString("base64url");

  it.each([
    ["a forged paging cursor", `/cases?courtId=tand-binh-luc&cursor=${forgedCursor}`, /cursor/],
    ["a hexadecimal limit", "/cases?courtId=tand-binh-luc&limit=0x10", /limit/],
    ["a blank amount", "/cases?courtId=tand-binh-luc&minAmountVnd=", /minAmountVnd/],
    ["an amount in exponent notation", "/cases?courtId=tand-binh-luc&maxAmountVnd=1e9", /maxAmountVnd/],
  ])("refuses %s with 400", async (_, path, field) => {
    const response = await fetch(`${stack.api!.url}${path}`, { headers: asStaff });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(field);
  });

  it("refuses a file name that is not well-formed Unicode with 400", async () => {
    const response = await fetch(`${stack.api!.url}/upload-urls`, {
      method: "POST",
      headers: { "content-type": "application/json", ...asCourt },
      body: '{"fileName":"B\\ud800n \\u00e1n.pdf","contentType":"application/pdf","sizeBytes":10}',
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/fileName/);
  });

  it("refuses a correction that fits the schema but not in one stored case with 400", async () => {
    const [judgment] = await casesNumbered("27/2024/DS-ST");
    const name = "Nguyễn Văn Một Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười ".repeat(9).slice(0, 500);
    const obligations = Array.from({ length: 500 }, () => ({ debtor: name, creditor: name, amountVnd: 1_000_000, kind: "principal", periodic: null }));

    const response = await fetch(`${stack.api!.url}/cases/${judgment!.caseId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", "if-match": `"${judgment!.version}"`, ...asStaff },
      body: JSON.stringify({ reason: "nhập lại nghĩa vụ", changes: { obligations } }),
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/too large|KB/);
  });
});

describe("local stack matter routes", () => {
  it("serves the matter routes: list proposals, open one, record a step, refuse a stale one with 409 in Vietnamese, read it back", async () => {
    const [judgment] = await casesNumbered("27/2024/DS-ST");
    const api = stack.api!.url;
    const post = (path: string, body: unknown) => fetch(`${api}${path}`, { method: "POST", headers: { "content-type": "application/json", ...asStaff }, body: JSON.stringify(body) });

    const listed = (await (await fetch(`${api}/cases/${judgment!.caseId}/matters`, { headers: asStaff })).json()) as { proposals: { id: string }[]; matters: unknown[] };
    const proposalId = listed.proposals[0]!.id;
    const opened = await post(`/cases/${judgment!.caseId}/matters`, { proposalId, decision: { number: "12/QĐ-THADS", date: "2025-03-20" }, executor: "Trần Văn Bình" });
    const segment = proposalId.replace("/", "~");
    const verified = await post(`/matters/${segment}/steps`, { kind: "verify", enforceable: false, version: 1, date: "2025-04-02" });
    const stale = await post(`/matters/${segment}/steps`, { kind: "verify", enforceable: true, version: 1 });
    const read = (await (await fetch(`${api}/matters/${segment}`, { headers: asStaff })).json()) as { matter: { state: string; version: number; events: { by: string }[] } };

    expect([opened.status, verified.status, stale.status]).toEqual([201, 200, 409]);
    expect(((await stale.json()) as { message: string }).message).toBe(`Việc ${proposalId} không còn ở phiên bản 1: đã có người ghi bước khác; hãy tải lại và ghi lại`);
    expect(read.matter).toMatchObject({ state: "not_enforceable", version: 2 });
    expect(read.matter.events.map((event) => event.by)).toEqual(["can-bo", "can-bo"]);
    expect((await fetch(`${api}/matters/${segment}`, { headers: asCourt })).status).toBe(403);
  });
});

describe("local stack authorisation", () => {
  it("lets a court neither read nor correct a case through the case API (403), and the case stays as it was", async () => {
    const [judgment] = await casesNumbered("27/2024/DS-ST");
    const read = await fetch(`${stack.api!.url}/cases/${judgment!.caseId}`, { headers: asCourt });
    const search = await fetch(`${stack.api!.url}/cases?partyName=nhung`, { headers: asCourt });
    const corrected = await fetch(`${stack.api!.url}/cases/${judgment!.caseId}`, {
      method: "PATCH",
      headers: { ...asCourt, "content-type": "application/json", "if-match": `"${judgment!.version}"` },
      body: JSON.stringify({ reason: "đã kiểm tra", changes: {}, status: "verified" }),
    });

    expect([read.status, search.status, corrected.status]).toEqual([403, 403, 403]);
    expect((await stack.cases.get(judgment!.caseId))?.status).toBe(judgment!.status);
  });
});
