import { describe, expect, it } from "vitest";
import { caseNumberKey, foldText, nameTokens } from "#domain/search-keys.ts";

describe("search keys", () => {
  it("folds Vietnamese letters to plain lower-case ASCII, đ included", () => {
    expect(foldText("Nguyễn Văn Đức, Trần Thị Bích Ngọc")).toBe("nguyen van duc, tran thi bich ngoc");
  });

  it("folds text typed in decomposed form (macOS file names) the same as precomposed", () => {
    expect(foldText("Hùng".normalize("NFD"))).toBe(foldText("Hùng".normalize("NFC")));
  });

  it("splits a name into its distinct folded words", () => {
    expect(nameTokens("Ngân hàng TMCP Đầu tư và Phát triển Việt Nam - Chi nhánh Hà Nam")).toEqual([
      "ngan", "hang", "tmcp", "dau", "tu", "va", "phat", "trien", "viet", "nam", "chi", "nhanh", "ha",
    ]);
  });

  it("gives printed variants of one case number the same key", () => {
    const key = caseNumberKey("12/2017/DS-ST");
    for (const variant of ["Số: 12/2017/DS-ST", "12/2017/DSST", "12 / 2017 / DS - ST", "số 12/2017/ds-st"]) expect(caseNumberKey(variant)).toBe(key);
    expect(caseNumberKey("05/2020/HNGĐ-ST")).toBe(caseNumberKey("05/2020/HNGD-ST"));
    expect(caseNumberKey("12/2017/DS-PT")).not.toBe(key);
  });
});
