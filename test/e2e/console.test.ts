/**
 * The web console in real headless Chromium against the embedded stack: people sign in with the
 * demo users, a court sends judgments, staff search, correct and work the matters, the leader reads
 * the report. Every page is checked with axe-core and photographed into docs/screenshots/.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASE_API_ROUTES } from "../../infra/topology.ts";
import { LocalStack } from "../../local/stack.ts";
import { DEMO_PASSWORD } from "../../local/user-pool.ts";
import { CLEAN_LOOK, rasterisePdf, renderTextPdf, scanPages, scannerLook } from "../../scripts/make-scans.ts";
import { launchChromium, seriousViolations } from "../support/browser.ts";
import { repoRoot, samplesDir } from "../support/paths.ts";
import { bearer } from "../support/sign-in.ts";

const SCREENSHOTS = join(repoRoot, "docs", "screenshots");
const routeKeys: ReadonlySet<string> = new Set(CASE_API_ROUTES.map((route) => `${route.method} ${route.path}`));
/** The semiannual report (GET /reports/{period}) comes with another branch (flow). */
const hasReports = routeKeys.has("GET /reports/{period}");

let stack: LocalStack;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let consoleUrl: string;
let workDir: string;

beforeAll(async () => {
  browser = await launchChromium();
  context = browser.context;
  stack = await LocalStack.start({ dataDir: null, httpPort: 0, consolePort: 0 });
  consoleUrl = stack.console!.url;
  workDir = await mkdtemp(join(tmpdir(), "thads-e2e-"));
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
    await page.getByRole("button", { name: "Lưu và đánh dấu đã kiểm tra" }).click();
    const history = page.locator(".ant-card", { hasText: "Lịch sử sửa đổi" });
    await expect.poll(() => history.textContent()).toContain("180.000.000 đ → 170.000.000 đ");
    expect(await history.textContent()).toContain("Đối chiếu bản gốc: nợ gốc còn 170 triệu đồng");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Đã kiểm tra");
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

  it("shows the leader the semiannual report as the API gives it, with its exports", async () => {
    const page = await signedIn("lanh-dao");
    await page.getByRole("heading", { name: "Báo cáo thống kê 6 tháng" }).waitFor();
    const period = await page.getByRole("combobox", { name: "Kỳ báo cáo" }).evaluate((select) => select.closest(".ant-select")?.textContent ?? "");
    expect(period).toMatch(/^6 tháng đầu năm|^Năm/);
    if (!hasReports) {
      // this API has no report route yet: the page says so, in Vietnamese, instead of failing
      await page.getByText("Máy chủ này chưa cung cấp báo cáo 6 tháng").waitFor();
    } else {
      const name = new URL(page.url().replace("#", "")).searchParams.get("ky") ?? "";
      const report = (await (await fetch(`${stack.api!.url}/reports/${name}`, { headers: await bearer(stack.api!.url, "lanh-dao") })).json()) as { views: { byUnit: { total: { current: { viec: { toEnforce: number } } } } } };
      await expect.poll(() => page.getByTestId("report-totals").textContent()).toContain(new Intl.NumberFormat("vi-VN").format(report.views.byUnit.total.current.viec.toEnforce));
    }
    await checkPage(page, "leader-dashboard");
    await page.close();
  });

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
