/** The console writes numbers, money and dates the Vietnamese way. */
import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatNumber, formatRate, parseMoney } from "../../console/src/format.ts";

describe("console formats", () => {
  it("writes money with dots between thousands and the đồng sign after", () => {
    expect(formatMoney(150_000_000)).toBe("150.000.000 đ");
    expect(formatMoney(0)).toBe("0 đ");
    expect(formatNumber(1234567)).toBe("1.234.567");
  });

  it("reads back money typed with or without separators", () => {
    expect(parseMoney("150.000.000")).toBe(150_000_000);
    expect(parseMoney("150000000 đ")).toBe(150_000_000);
    expect(parseMoney("")).toBe(0);
  });

  it("writes dates day first, and rates with a decimal comma", () => {
    expect(formatDate("2026-03-31")).toBe("31/03/2026");
    expect(formatDate(null)).toBe("–");
    expect(formatRate(2 / 3)).toBe("66,7%");
    expect(formatRate(null)).toBe("–");
  });
});
