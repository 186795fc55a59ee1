/**
 * The web console in real headless Chromium against the embedded stack: people sign in with the
 * demo users, a court sends judgments, staff search, correct and work the matters, read the
 * bank-credit list, the leader reads the report and finds in it the figures `thads report` gives on
 * the same data. Every page is checked with axe-core and photographed into docs/screenshots/.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MatterProposal } from "#domain/matters/types.ts";
import type { Report, ReportRow } from "#domain/report/build-report.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { caseMatters, noteMatterObstacle, openProposedMatter } from "#use-cases/matters.ts";
import { LOCAL_NAMES } from "../../local/environment.ts";
import { LocalStack } from "../../local/stack.ts";
import { DEMO_PASSWORD } from "../../local/user-pool.ts";
import { CLEAN_LOOK, rasterisePdf, renderTextPdf, scanPages, scannerLook } from "../../scripts/make-scans.ts";
import { launchChromium, seriousViolations } from "../support/browser.ts";
import { LEADER, staffOf } from "../support/callers.ts";
import { repoRoot, samplesDir } from "../support/paths.ts";
import { runThadsOn } from "../support/run-thads.ts";
import { bearer } from "../support/sign-in.ts";

const SCREENSHOTS = join(repoRoot, "docs", "screenshots");

let stack: LocalStack;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let consoleUrl: string;
let workDir: string;

beforeAll(async () => {
  browser = await launchChromium();
  context = browser.context;
  workDir = await mkdtemp(join(tmpdir(), "thads-e2e-"));
  // on disk, so that `thads report` (another process) attaches to this stack
  stack = await LocalStack.start({ dataDir: join(workDir, "stack"), httpPort: 0, consolePort: 0 });
  consoleUrl = stack.console!.url;
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** A new tab (its own session) signed in as `username`, by keyboard only. */
async function signedIn(username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(consoleUrl);
  await expect.poll(() => page.getByLabel("Tên đăng nhập").isVisible()).toBe(true);
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
  return page;
}

/** Checks the page with axe-core and at 390 px wide, and keeps a screenshot of it. */
async function checkPage(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  // nothing wider than the screen: the page scrolls down, never sideways (tables scroll inside their box)
  await expect.poll(() => page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-390.png`) });
  await page.setViewportSize(wide);
}

/** Picks an option of the open drop-down (Ant Design draws it apart from its accessible list). */
async function chooseOption(page: Page, label: string): Promise<void> {
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: label }).click();
}

const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });
const rate = (value: number | null) => (value === null ? "–" : percent.format(value));

/** What the dashboard's tables must show of a report row, by column. */
function expectedFigures(row: ReportRow): Record<string, string> {
  const { current: now, previous: before } = row;
  return {
    "Việc thụ lý": number.format(now.viec.totalReceived),
    "Việc phải thi hành": number.format(now.viec.toEnforce),
    Xong: number.format(now.viec.completed),
    "Tỷ lệ xong (việc)": rate(now.viec.completionRate),
    "Tỷ lệ xong (việc) cùng kỳ năm trước": rate(before.viec.completionRate),
    "Tiền phải thi hành": `${number.format(now.tien.toEnforce)} đ`,
    "Tiền đã thi hành xong": `${number.format(now.tien.completed)} đ`,
    "Tỷ lệ xong (tiền)": rate(now.tien.completionRate),
  };
}

/** The rows a table shows, by row key, each cell by its column's title. */
async function tableCells(page: Page, caption: string): Promise<Record<string, Record<string, string>>> {
  const table = page.locator("table", { has: page.locator("caption", { hasText: caption }) });
  return table.evaluate((element) => {
    const titles = [...element.querySelectorAll("thead th")].map((cell) => cell.textContent ?? "");
    return Object.fromEntries(
      [...element.querySelectorAll("tbody tr[data-row-key]")].map((row) => [row.getAttribute("data-row-key"), Object.fromEntries([...row.querySelectorAll("td")].map((cell, index) => [titles[index], cell.textContent ?? ""]))]),
    );
  });
}

/** The sample decision as a one-page scan (JPEG), as a court's scanner would send it. */
async function scannedDecision(): Promise<string> {
  const sample = "quyet-dinh-cong-nhan-thoa-thuan-ly-hon";
  const text = await readFile(join(samplesDir, `${sample}.txt`), "utf8");
  const scan = await scanPages(await rasterisePdf(await renderTextPdf(text), CLEAN_LOOK.dpi), "jpg", scannerLook(sample), sample);
  const file = join(workDir, "Quyết định 112 (bản scan).jpg");
  await writeFile(file, scan);
  return file;
}

describe("web console", () => {
  it("signs a person in by keyboard, and refuses a wrong password in Vietnamese", async () => {
    const page = await context.newPage();
    await page.goto(consoleUrl);
    await page.getByLabel("Tên đăng nhập").fill("can-bo");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("alert").filter({ hasText: "Tên đăng nhập hoặc mật khẩu không đúng." }).waitFor();
    await checkPage(page, "sign-in");
    await page.close();
  });

  it("lets a court send a scan and a digital PDF with per-file progress, and both are filed", async () => {
    const page = await signedIn("toa-an");
    const digital = join(samplesDir, "pdf", "ban-an-vay-tai-san.pdf");
    await page.locator("input[type=file]").setInputFiles([await scannedDecision(), digital]);
    const sent = page.getByRole("list", { name: "Tệp vừa gửi" });
    for (const name of ["Quyết định 112 (bản scan).jpg", "ban-an-vay-tai-san.pdf"]) {
      const item = sent.locator(`li[data-file="${name}"]`);
      await expect.poll(() => item.getByRole("progressbar").getAttribute("aria-valuenow"), { timeout: 30_000 }).toBe("100");
      await expect.poll(() => item.textContent(), { timeout: 90_000, interval: 500 }).toMatch(/Đã vào sổ/);
    }
    // and the court's own list says so, with the case each became
    const own = page.getByRole("region", { name: "Hồ sơ tòa án đã gửi" });
    for (const name of ["Quyết định 112 (bản scan).jpg", "ban-an-vay-tai-san.pdf"]) {
      await expect.poll(() => own.locator("tr", { hasText: name }).textContent()).toContain("Đã vào sổ");
    }
    await checkPage(page, "court-upload");
    await page.close();
  }, 150_000);

  it("lets staff find a case by a name typed without diacritics, correct an amount and see the audit entry", async () => {
    const page = await signedIn("can-bo");
    await page.getByLabel("Tên đương sự (có hoặc không dấu)").fill("tran thi hong nhung");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    const link = page.getByRole("link", { name: "27/2024/DS-ST" });
    await link.waitFor();
    await checkPage(page, "staff-search");

    await link.click();
    await page.getByText("Thông tin đã đọc").first().waitFor();
    await page.locator(".textLayer span.evidence-hit").first().waitFor();
    const amount = page.getByLabel(/Số tiền nghĩa vụ 1: Đinh Văn Khải, Lã Thị Thu → Trần Thị Hồng Nhung/);
    expect(await amount.inputValue()).toBe("180.000.000");
    await amount.fill("170000000");
    await page.getByLabel("Lý do sửa (ghi vào lịch sử)").fill("Đối chiếu bản gốc: nợ gốc còn 170 triệu đồng");
    await page.getByRole("button", { name: "Lưu và đánh dấu đã xác minh" }).click();
    const history = page.locator(".ant-card", { hasText: "Lịch sử sửa đổi" });
    await expect.poll(() => history.textContent()).toContain("180.000.000 đ → 170.000.000 đ");
    expect(await history.textContent()).toContain("Đối chiếu bản gốc: nợ gốc còn 170 triệu đồng");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Đã xác minh");
    await checkPage(page, "staff-case");

    await page.getByRole("link", { name: "Hồ sơ cần xem xét" }).click();
    await page.getByRole("heading", { name: "Hồ sơ cần xem xét" }).waitFor();
    await page.locator(".ant-table-row, .ant-table-placeholder").first().waitFor();
    await checkPage(page, "staff-review");
    await page.close();
  }, 90_000);

  it("lets staff open a matter from a proposal and record its full collection", async () => {
    const page = await signedIn("can-bo");
    await page.getByLabel("Số bản án, quyết định").fill("27/2024/DS-ST");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await page.getByRole("link", { name: "27/2024/DS-ST" }).click();
    const proposals = page.locator("table", { has: page.locator("caption", { hasText: "Đề xuất chưa thụ lý" }) });
    const row = proposals.locator("tr", { hasText: "Trần Thị Hồng Nhung" }).filter({ hasText: "Đinh Văn Khải" });
    await row.getByRole("button", { name: "Thụ lý" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Số quyết định thi hành án").fill("35/QĐ-CCTHADS");
    await dialog.getByLabel("Chấp hành viên").fill("Trần Văn Bình");
    await dialog.getByRole("button", { name: "Thụ lý" }).click();
    await page.getByRole("link", { name: "35/QĐ-CCTHADS" }).click();

    await page.getByRole("heading", { name: /Việc 35\/QĐ-CCTHADS/ }).waitFor();
    const owed = (await page.getByTestId("matter-balance").textContent()) ?? "";
    await page.getByRole("button", { name: "Ghi nhận" }).click(); // verify: có điều kiện (the form's default)
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Có điều kiện thi hành");

    await page.getByRole("combobox", { name: "Bước thi hành" }).click();
    await chooseOption(page, "Thu tiền");
    await page.getByLabel("Số tiền (đồng)").fill(owed.replace(/\D/g, ""));
    await page.getByLabel("Số biên lai").fill("BL-0012");
    await page.getByRole("button", { name: "Ghi nhận" }).click();
    await expect.poll(() => page.getByTestId("matter-balance").textContent()).toBe("0 đ");

    await page.getByRole("combobox", { name: "Bước thi hành" }).click();
    await chooseOption(page, "Thi hành xong");
    await page.getByRole("button", { name: "Ghi nhận" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Thi hành xong");
    const steps = page.locator(".ant-card", { hasText: "Các bước đã ghi nhận" });
    expect(await steps.textContent()).toContain("BL-0012");
    expect(await steps.textContent()).toContain(owed);
    await checkPage(page, "staff-matter");
    await page.close();
  }, 90_000);

  it("lists the open bank-credit matters for staff and leaders, and downloads the list as CSV", async () => {
    // a bank's credit judgment, its matter opened by the staff of the unit it goes to (no demo user works there)
    await stack.upload({ courtId: "tand-tinh-ninh-binh", fileName: "ban-an-tin-dung-ngan-hang.pdf", bytes: await readFile(join(samplesDir, "pdf", "ban-an-tin-dung-ngan-hang.pdf")) });
    await stack.settled(120_000);
    const matters = new DynamoDbMatterRepository(stack.clients.documents, LOCAL_NAMES.mattersTable);
    let bank: MatterProposal | undefined;
    for await (const stored of stack.cases.allCases()) {
      bank ??= (await caseMatters(stored.caseId, { matters }, LEADER)).proposals.find((proposal) => proposal.creditInstitution && proposal.creditor.startsWith("Ngân hàng"));
    }
    const unitId = bank!.unitId!;
    const today = new Date().toISOString().slice(0, 10);
    const opened = await openProposedMatter({ caseId: bank!.caseId, proposalId: bank!.id, decision: { number: "41/QĐ-CCTHADS", date: today }, executor: "Nguyễn Văn Hùng", caller: staffOf(unitId) }, { matters });
    await noteMatterObstacle({ matterId: opened.id, note: "Tài sản bảo đảm đang bị kê biên ở vụ việc khác", caller: staffOf(unitId) }, { matters, now: () => new Date() });

    // staff of another unit see only their own unit's list
    const staff = await signedIn("can-bo");
    await staff.getByRole("link", { name: "Án tín dụng" }).click();
    await staff.getByRole("heading", { name: "Án tín dụng ngân hàng chưa thi hành xong" }).waitFor();
    await staff.getByText("Không có dữ liệu").waitFor();
    await staff.close();

    const page = await signedIn("lanh-dao");
    await page.getByRole("link", { name: "Án tín dụng" }).click();
    const row = page.locator("tr", { hasText: "Công ty cổ phần Vận tải và Thương mại Sông Đào" });
    await row.waitFor();
    const cells = await tableCells(page, "Án tín dụng ngân hàng chưa thi hành xong");
    expect(cells[opened.id]).toMatchObject({
      "Người được thi hành": "Ngân hàng thương mại cổ phần Bắc Thành An",
      "Phải thi hành": `${number.format(bank!.amountVnd)} đ`,
      "Đã thu": "0 đ",
      "Số ngày từ khi thụ lý": "0",
      "Trạng thái": "Thụ lý",
      "Vướng mắc": expect.stringContaining("Tài sản bảo đảm đang bị kê biên ở vụ việc khác"),
    });
    await checkPage(page, "staff-credit-cases");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^an-tin-dung-chua-xong-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toContain("Người phải thi hành,Người được thi hành");
    expect(csv[1]).toContain("Công ty cổ phần Vận tải và Thương mại Sông Đào,Ngân hàng thương mại cổ phần Bắc Thành An");
    // the debtor opens the matter
    await row.getByRole("link", { name: "Công ty cổ phần Vận tải và Thương mại Sông Đào" }).click();
    await page.getByRole("heading", { name: /Việc 41\/QĐ-CCTHADS/ }).waitFor();
    await page.close();
  }, 150_000);

  it("shows the leader's dashboard with the figures of `thads report` on the same data, and its exports", async () => {
    // the aggregates follow the matters stream: wait until it has applied every change staff made
    await stack.matterStream.settled();
    const page = await signedIn("lanh-dao");
    await page.getByRole("heading", { name: "Báo cáo thống kê 6 tháng" }).waitFor();
    const period = await page.getByRole("combobox", { name: "Kỳ báo cáo" }).evaluate((select) => select.closest(".ant-select")?.textContent ?? "");
    // the period it opens on, today's: "6 tháng đầu năm 2027 (…)" is 2027-H1, "Năm 2027 (…)" 2027-H2
    const [, half, year] = /^(6 tháng đầu năm|Năm) (\d{4})/.exec(period) ?? [];
    const name = `${year}-H${half === "Năm" ? 2 : 1}`;
    expect(name).toMatch(/^\d{4}-H[12]$/);
    await page.getByTestId("report-totals").waitFor();

    const out = join(workDir, "report");
    const run = await runThadsOn(join(workDir, "stack"), ["report", "--period", name, "--format", "json", "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(out, `bao-cao-thads-${name}.json`), "utf8")) as Report;
    // what staff did is in it: the full collection recorded above, in the unit of can-bo, and the bank's matter apart
    const unit = report.views.byUnit.rows.find((row) => row.key === "ninh-binh-kv-7")!;
    expect(unit.current.viec.completed).toBeGreaterThanOrEqual(1);
    expect(unit.current.tien.completed).toBeGreaterThan(0);
    expect(report.views.creditInstitution.total.current.viec.totalReceived).toBe(1);

    for (const [view, caption] of [
      [report.views.byUnit, "Theo đơn vị"],
      [report.views.creditInstitution, "Tín dụng ngân hàng"],
    ] as const) {
      const shown = await tableCells(page, caption);
      for (const row of [...view.rows, view.total]) expect(shown[row.key], `${caption}: ${row.label}`).toMatchObject(expectedFigures(row));
    }
    const totals = (await page.getByTestId("report-totals").textContent()) ?? "";
    const total = report.views.byUnit.total.current;
    for (const figure of [number.format(total.viec.toEnforce), number.format(total.viec.completed), rate(total.viec.completionRate), `${number.format(total.tien.completed)} đ`]) expect(totals).toContain(figure);
    await checkPage(page, "leader-dashboard");

    // the export comes as the API's short-lived link, under the report's own file name
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải Excel (XLSX)" }).click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-thads-${name}.xlsx`);
    await page.close();
  }, 90_000);

  it("refuses a court a staff route at the API, not only in the console", async () => {
    const api = stack.api!.url;
    const court = await bearer(api, "toa-an");
    const refused = await fetch(`${api}/cases?partyName=nhung`, { headers: { ...court, origin: stack.console!.origin } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/tòa án/);
    // and the console, asked for that page, shows the refusal instead
    const page = await signedIn("toa-an");
    await page.goto(`${consoleUrl}#/ho-so`);
    await page.getByText("Bạn không có quyền thực hiện thao tác này.").waitFor();
    await page.close();
  });

  it("lets only the console's origin call the API from a browser (CORS)", async () => {
    const api = stack.api!.url;
    const preflight = (origin: string) =>
      fetch(`${api}/cases`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" } });
    const allowed = await preflight(stack.console!.origin);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(stack.console!.origin);
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
    const other = await preflight("http://127.0.0.1:1");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
