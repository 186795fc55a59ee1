import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imagesToPdf, rasterisePdf, renderTextPdf as renderScanSource } from "../../scripts/make-scans.ts";
import { renderScannedPdf, renderTextPdf, TINY_PNG } from "../../scripts/pdf/render-text-pdf.ts";
import { repoRoot, thadsBin } from "../support/paths.ts";
import { runThads } from "../support/run-thads.ts";
import { reason, type ReasonCode } from "#domain/review-reasons.ts";

/** The fields ../shared/contract/case.schema.json requires of every printed case. */
const CONTRACT_FIELDS = ["docType", "caseNumber", "issuedDate", "court", "caseCategory", "parties", "obligations", "creditInstitutionInvolved"];

const JUDGMENT = `TÒA ÁN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN BÌNH LỤC                                  Độc lập - Tự do - Hạnh phúc
Bản án số: 27/2024/DS-ST
Ngày: 15 - 3 - 2024
V/v: "Tranh chấp hợp đồng vay tài sản"
NHÂN DANH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
QUYẾT ĐỊNH:
Buộc anh Đinh Văn Khải phải trả cho bà Trần Thị Hồng Nhung số tiền 180.000.000 đồng (Một trăm tám mươi triệu đồng).`;

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "thads-cli-"));
  writeFileSync(file("ban-an.txt"), JUDGMENT);
  writeFileSync(file("ban-an.pdf"), await renderTextPdf([JUDGMENT.split("\n").slice(0, 5).join("\n"), JUDGMENT.split("\n").slice(5).join("\n")]));
  writeFileSync(file("empty.txt"), "");
  writeFileSync(file("ban-an.docx"), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]));
  writeFileSync(file("data.bin"), Uint8Array.from([0x00, 0x9c, 0xff, 0x01, 0x7f, 0x00]));
  const whole = await renderTextPdf([JUDGMENT]);
  writeFileSync(file("truncated.pdf"), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(file("encrypted.pdf"), await renderTextPdf([JUDGMENT], { userPassword: "bi-mat" }));
  writeFileSync(file("scan.pdf"), await renderScannedPdf(2));
  writeFileSync(file("scan.png"), TINY_PNG);
  // A page of the judgment as a scanner would send it: an image with no text layer, at 200 dpi.
  const [page] = await rasterisePdf(await renderScanSource(JUDGMENT), 200);
  writeFileSync(file("ban-an-quet.png"), page!);
  writeFileSync(file("5000-trang.pdf"), await renderScannedPdf(5_000));
  writeFileSync(file("quet-40-trang.pdf"), await rasterisedPdf(40));
});

/** A scanned PDF of `pages` real page images, slow enough to OCR that it can be interrupted. */
async function rasterisedPdf(pages: number): Promise<Uint8Array> {
  const [image] = await rasterisePdf(await renderScanSource(JUDGMENT), 150);
  return imagesToPdf(Array.from({ length: pages }, () => image!));
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("thads extract on documents it can read", () => {
  it.each([
    ["a .txt judgment", "ban-an.txt", "text/plain", 1],
    ["a digital PDF with Vietnamese text, read from its text layer", "ban-an.pdf", "application/pdf", 2],
  ])("prints one JSON document with the contract's fields for %s", (_, name, mediaType, pageCount) => {
    const { code, stdout, stderr } = runThads(["extract", "--json", file(name)]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(expect.arrayContaining(CONTRACT_FIELDS));
    expect(printed.source).toEqual({ file: file(name), mediaType, pageCount });
    // review reasons stay texts; their codes stand beside them, position by position
    expect((printed.reviewReasons as unknown[]).every((text) => typeof text === "string")).toBe(true);
    expect(printed.reviewCodes).toHaveLength((printed.reviewReasons as unknown[]).length);
  });

  it("reads a scanned image with local OCR (Tesseract) by default", () => {
    const { code, stdout, stderr } = runThads(["extract", "--json", file("ban-an-quet.png")]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { caseNumber: string; court: string; source: unknown };
    expect(printed.source).toEqual({ file: file("ban-an-quet.png"), mediaType: "image/png", pageCount: 1 });
    expect(printed.caseNumber).toBe("27/2024/DS-ST");
    expect(printed.court).toMatch(/Bình Lục/);
  });

  it("prints JSON Lines, one compact line per file in the order given, for several files", () => {
    const { code, stdout } = runThads(["extract", "--json", file("ban-an.pdf"), file("ban-an.txt")]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const files = lines.map((line) => (JSON.parse(line) as { source: { file: string } }).source.file);
    expect(files).toEqual([file("ban-an.pdf"), file("ban-an.txt")]);
  });

  it("prints a short Vietnamese summary without --json", () => {
    const { code, stdout } = runThads(["extract", file("ban-an.txt")]);
    expect(code).toBe(0);
    expect(stdout).toContain(`== ${file("ban-an.txt")} (text/plain, 1 trang)`);
    expect(stdout).toMatch(/^Văn bản: /m);
    expect(stdout).toMatch(/^Tòa án: /m);
    expect(stdout).toMatch(/^Nghĩa vụ trả tiền \(\d+\):/m);
  });
});

describe("thads extract on documents it cannot read", () => {
  const cases: Array<[string, string, ReasonCode, string[]?]> = [
    ["a missing file", "missing.txt", "file.not-found"],
    ["an empty file", "empty.txt", "document.empty"],
    ["a Word document", "ban-an.docx", "document.unsupported-type"],
    ["binary data of no known kind", "data.bin", "document.unsupported-type"],
    ["a truncated PDF", "truncated.pdf", "document.truncated"],
    ["a password-protected PDF", "encrypted.pdf", "document.encrypted"],
    ["a scan in which OCR finds no text", "scan.png", "document.no-text"],
    ["a scanned PDF with OCR turned off", "scan.pdf", "document.needs-ocr", ["--ocr", "none"]],
    ["an image with OCR turned off", "scan.png", "document.needs-ocr", ["--ocr", "none"]],
  ];

  it.each(cases)("fails on %s with one line naming the file and the reason in Vietnamese", (_, name, reasonCode, options = []) => {
    const { code, stdout, stderr } = runThads(["extract", "--json", ...options, file(name)]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`thads: ${file(name)}: ${reason(reasonCode, {}).message}`);
  });

  it("says in one line how to install Tesseract when it is missing", () => {
    // A PATH with node alone on it.
    mkdirSync(file("node-only"));
    symlinkSync(process.execPath, file("node-only/node"));
    const { code, stderr } = runThads(["extract", "--json", file("scan.png")], { ...process.env, PATH: file("node-only") });
    expect(code).toBe(1);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr.trimEnd()).toBe(`thads: ${file("scan.png")}: ${reason("ocr.unavailable", {}).message}`);
  });

  it("goes on with the other files and exits non-zero at the end", () => {
    const { code, stdout, stderr } = runThads(["extract", "--json", "--ocr", "none", file("empty.txt"), file("ban-an.txt"), file("scan.pdf")]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split("\n")).toHaveLength(2);
    const printed = stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { source: { file: string } });
    expect(printed.map((p) => p.source.file)).toEqual([file("ban-an.txt")]);
  });
});

describe("thads extract leaves no temporary files behind", () => {
  /** A fresh TMPDIR for one run, where the OCR engine's work folders land. */
  const freshTmp = () => mkdtempSync(join(dir, "tmp-"));

  it("refuses a 5,000-page scanned PDF as too large before any OCR starts", () => {
    const tmp = freshTmp();
    const started = Date.now();

    const { code, stderr } = runThads(["extract", "--json", file("5000-trang.pdf")], { ...process.env, TMPDIR: tmp });

    expect(code).toBe(1);
    expect(stderr).toMatch(/vượt quá dung lượng hoặc số trang/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it("removes the OCR work folder when interrupted mid-OCR", async () => {
    const tmp = freshTmp();
    const child = spawn(thadsBin, ["extract", "--json", file("quet-40-trang.pdf")], { cwd: repoRoot, env: { ...process.env, TMPDIR: tmp }, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (readdirSync(tmp).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(tmp)).not.toEqual([]);

    child.kill("SIGTERM");

    expect(await exited).toBe(143);
    expect(readdirSync(tmp)).toEqual([]);
  }, 60_000);
});

describe("thads command line", () => {
  it("exits 2 with a hint when no file is given, an option is unknown or the command does not exist", () => {
    for (const args of [["extract"], ["extract", "--jsn", "a.txt"], ["extract", "--ocr", "abbyy", "a.txt"], ["extrct", "a.txt"]]) {
      const { code, stderr } = runThads(args);
      expect(code).toBe(2);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/--help/);
    }
  });

  it("prints help for the tool and for a command", () => {
    expect(runThads(["--help"]).stdout).toMatch(/extract/);
    const help = runThads(["extract", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^cách dùng: thads extract \[--json\] \[--ocr ENGINE\] FILE\.\.\./);
    expect(help.stdout).toMatch(/tesseract .*\n.*\n\s+textract .*\n.*\n\s+none /);
  });
});
