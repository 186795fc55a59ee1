import { describe, expect, it } from "vitest";
import { categoryOfCaseNumber, normalizeCaseNumber } from "#domain/extraction/case-number.ts";
import { parseDate } from "#domain/extraction/dates.ts";
import { formatCourtName } from "#domain/extraction/header.ts";
import { fold } from "#domain/extraction/text.ts";

describe("dates", () => {
  it.each([
    ["ngày 10 tháng 01 năm 2017", "2017-01-10"],
    ["Ngày: 30 - 9 - 2020", "2020-09-30"],
    ["14/11/2018", "2018-11-14"],
    ["28-11-2017", "2017-11-28"],
    ["ngay 18 thang 5 nam 2022", "2022-05-18"],
  ])("reads %s", (printed, iso) => {
    expect(parseDate(fold(printed))?.iso).toBe(iso);
  });

  it("rejects impossible dates", () => {
    expect(parseDate(fold("31/02/2020"))).toBeNull();
  });
});

describe("case numbers", () => {
  it.each([
    ["12/2017/DS-ST", "12/2017/DS-ST"],
    ["15/2018/DSST", "15/2018/DSST"],
    ["15 / 2018 / DS-ST", "15/2018/DS-ST"],
    ["05/2019/QĐST-KDTM", "05/2019/QĐST-KDTM"],
    ["05/2019/QDST-KDTM", "05/2019/QĐST-KDTM"],
    ["10/2020/HNGD-ST", "10/2020/HNGĐ-ST"],
    ["126/TA-DS", "126/TA-DS"],
  ])("normalises %s", (printed, canonical) => {
    expect(normalizeCaseNumber(printed)).toBe(canonical);
  });

  it.each([
    ["12/2017/DS-ST", "civil"],
    ["15/2018/DSST", "civil"],
    ["19/2021/HS-ST", "criminal"],
    ["10/2020/HNGĐ-ST", "marriage_family"],
    ["05/2019/QĐST-KDTM", "commercial"],
    ["03/2023/LĐ-ST", "labor"],
    ["09/2020/HC-ST", "administrative"],
  ])("knows the category of %s", (number, category) => {
    expect(categoryOfCaseNumber(number)).toBe(category);
  });
});

describe("court names", () => {
  it("turns a heading in capitals into the court's name", () => {
    expect(formatCourtName("TÒA ÁN NHÂN DÂN HUYỆN LÝ NHÂN, TỈNH HÀ NAM")).toBe("Tòa án nhân dân huyện Lý Nhân, tỉnh Hà Nam");
    expect(formatCourtName("TÒA ÁN NHÂN DÂN KHU VỰC 6 - NINH BÌNH")).toBe("Tòa án nhân dân khu vực 6 - Ninh Bình");
  });
});
