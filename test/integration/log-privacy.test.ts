/**
 * No personal data in any log line: a judgment naming its parties with their ID numbers (12-, 11- and
 * 9-digit citizen IDs, a 10-digit social insurance number), uploaded by a court under a file name
 * carrying a party's name, then worked by staff through the case API: searched by party, read, its
 * original fetched, corrected, its matter opened and its steps recorded with notes naming the parties,
 * one step refused. Neither the functions' log (logs/functions.log, what CloudWatch would hold) nor
 * anything else the process wrote carries a name or a number.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3EventKey } from "../../local/s3-server.ts";
import { LocalStack } from "../../local/stack.ts";
import { renderTextPdf } from "../../scripts/pdf/render-text-pdf.ts";
import { repoRoot } from "../support/paths.ts";
import { bearer } from "../support/sign-in.ts";

const PARTIES = ["Trần Thị Hồng Nhung", "Đinh Văn Khải", "Lã Thị Thu"];
const IDS = { citizen12: "035178001234", citizen11: "03518500987", citizen9: "168234567", socialInsurance: "3512345678" };
const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();

let stack: LocalStack;
let dataDir: string;
/** Everything the process wrote to stdout and stderr while the flow ran (besides the functions' log file). */
let written = "";

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "thads-log-privacy-"));
  stack = await LocalStack.start({ dataDir, httpPort: 0, queue: { retryDelayMs: 50, maxReceiveCount: 2 } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** The sample judgment with each party's ID numbers beside their names. */
async function judgmentWithIds(): Promise<string> {
  const text = await readFile(join(repoRoot, "samples", "ban-an-vay-tai-san.txt"), "utf8");
  return text
    .replace("Bà Trần Thị Hồng Nhung, sinh năm 1978;", `Bà Trần Thị Hồng Nhung, sinh năm 1978, căn cước công dân số ${IDS.citizen12}, mã số bảo hiểm xã hội ${IDS.socialInsurance};`)
    .replace("Anh Đinh Văn Khải, sinh năm 1985;", `Anh Đinh Văn Khải, sinh năm 1985, số định danh cá nhân ${IDS.citizen11};`)
    .replace("Chị Lã Thị Thu, sinh năm 1987;", `Chị Lã Thị Thu, sinh năm 1987, chứng minh nhân dân số ${IDS.citizen9};`);
}

/** A call to the case API as the staff of the unit the sample's court sends to, unless other headers are given. */
async function api(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${stack.api!.url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(await bearer(stack.api!.url, "can-bo")), ...options.headers },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

describe("personal data and the logs", () => {
  it("a full ingest and matters flow writes no party name or ID number into any log line", async () => {
    const streams = [process.stdout, process.stderr] as const;
    const originals = streams.map((stream) => stream.write);
    streams.forEach((stream, index) => {
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        written += String(chunk);
        return (originals[index] as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
      }) as typeof stream.write;
    });
    try {
      const bytes = await renderTextPdf([await judgmentWithIds()]);
      const court = await bearer(stack.api!.url, "toa-an-2");
      const signed = await api("POST", "/upload-urls", { headers: court, body: { fileName: `Bản án Trần Thị Hồng Nhung ${IDS.citizen12}.pdf`, contentType: "application/pdf", sizeBytes: bytes.length } });
      expect(signed.status).toBe(200);
      const put = await fetch(signed.body.upload.url, { method: signed.body.upload.method, headers: signed.body.upload.headers, body: bytes });
      expect(put.status).toBe(200);
      await stack.settled(120_000);

      const found = await api("GET", `/cases?partyName=${encodeURIComponent(PARTIES[0]!)}`);
      expect(found.body.items).toHaveLength(1);
      const caseId = found.body.items[0].caseId as string;
      expect((await api("GET", `/cases?partyName=${encodeURIComponent(fold(PARTIES[1]!))}`)).body.items).toHaveLength(1);
      const read = await api("GET", `/cases/${caseId}`);
      expect(read.status).toBe(200);
      expect((await api("GET", `/cases/${caseId}/original`)).status).toBe(200);
      expect((await api("GET", "/review-queue")).status).toBe(200);
      const corrected = await api("PATCH", `/cases/${caseId}`, {
        headers: { "if-match": read.headers.get("etag") ?? "" },
        body: { reason: `Đối chiếu CCCD ${IDS.citizen12} của bà ${PARTIES[0]}`, changes: { subject: `Tranh chấp hợp đồng vay tài sản giữa ${PARTIES[0]} và ${PARTIES[1]}` } },
      });
      expect(corrected.status).toBe(200);

      const matters = await api("GET", `/cases/${caseId}/matters`);
      const proposalId = matters.body.proposals[0].id as string;
      const opened = await api("POST", `/cases/${caseId}/matters`, {
        body: { proposalId, decision: { number: "12/QĐ-CCTHADS", date: "2025-03-20" }, executor: "Trần Văn Bình", note: `Người phải thi hành: ${PARTIES[1]}, CMND ${IDS.citizen9}` },
      });
      expect(opened.status).toBe(201);
      const matterPath = `/matters/${(opened.body.matter.id as string).replace("/", "~")}`;
      const verified = await api("POST", `${matterPath}/steps`, { body: { kind: "verify", enforceable: true, version: 1, date: "2025-04-02", note: `Xác minh thu nhập của ${PARTIES[2]}, số BHXH ${IDS.socialInsurance}` } });
      expect(verified.status).toBe(200);
      const collected = await api("POST", `${matterPath}/steps`, { body: { kind: "collect", amountVnd: 1_000_000, receipt: "BL-0012", version: verified.body.matter.version, note: `${PARTIES[1]} nộp, định danh ${IDS.citizen11}` } });
      expect(collected.status).toBe(200);
      const refused = await api("POST", `${matterPath}/steps`, { body: { kind: "collect", amountVnd: 1_000, version: 1, note: `${PARTIES[0]} ${IDS.citizen12}` } });
      expect(refused.status).toBe(409);
      expect((await api("GET", matterPath)).status).toBe(200);
    } finally {
      streams.forEach((stream, index) => (stream.write = originals[index]!));
    }

    const functionsLog = await readFile(join(dataDir, "logs", "functions.log"), "utf8");
    expect(functionsLog).toContain("document processed");
    for (const log of [functionsLog, written]) {
      for (const secret of [...PARTIES, ...Object.values(IDS)]) expect(log).not.toContain(secret);
      for (const party of PARTIES) expect(fold(log)).not.toContain(fold(party));
      // as an object key or a query string carries them
      for (const party of PARTIES) for (const encoded of [encodeURIComponent(party), s3EventKey(party)]) expect(log).not.toContain(encoded);
    }
  }, 180_000);
});
