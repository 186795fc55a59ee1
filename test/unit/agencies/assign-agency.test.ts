import { describe, expect, it } from "vitest";
import { assignAgency } from "#domain/agencies/assign-agency.ts";
import { AgencyDirectoryError, loadAgencyDirectory, resolveUnitOn } from "#domain/agencies/directory.ts";
import { haNamNinhBinhDirectory } from "#domain/agencies/ha-nam-ninh-binh.ts";

const directory = haNamNinhBinhDirectory();
const before = "2025-03-10";
const after = "2025-09-15";

function unitFor(court: string, date: string): string {
  const result = assignAgency(directory, court, date);
  if (!result.ok) throw new Error(result.reviewReason.message);
  return result.unit.id;
}

describe("court to enforcement unit, before the July 2025 reorganisation", () => {
  it.each([
    "Tòa án nhân dân huyện Kim Bảng, tỉnh Hà Nam",
    "TAND huyện Kim Bảng",
    "TOÀ ÁN NHÂN DÂN HUYỆN KIM BẢNG",
    "Toa an nhan dan huyen Kim Bang, tinh Ha Nam",
    "TAND Kim Bảng - Hà Nam",
  ])("matches %s to the Kim Bảng district office", (court) => {
    expect(unitFor(court, before)).toBe("ha-nam-kim-bang");
  });

  it("matches Duy Tiên whether written as huyện or thị xã", () => {
    expect(unitFor("Tòa án nhân dân huyện Duy Tiên", before)).toBe("ha-nam-duy-tien");
    expect(unitFor("TAND thị xã Duy Tiên, tỉnh Hà Nam", before)).toBe("ha-nam-duy-tien");
  });

  it("matches Phủ Lý written as thành phố or TP.", () => {
    expect(unitFor("TAND TP. Phủ Lý", before)).toBe("ha-nam-phu-ly");
    expect(unitFor("Tòa án nhân dân thành phố Phủ Lý, tỉnh Hà Nam", before)).toBe("ha-nam-phu-ly");
  });

  it("sends the provincial court's judgments to the provincial department", () => {
    expect(unitFor("Tòa án nhân dân tỉnh Hà Nam", before)).toBe("ha-nam");
    expect(unitFor("TAND TỈNH HÀ NAM", before)).toBe("ha-nam");
  });

  it.each(["Lý Nhân", "Thanh Liêm", "Bình Lục"])("knows the %s district court", (place) => {
    expect(assignAgency(directory, `Tòa án nhân dân huyện ${place}`, before).ok).toBe(true);
  });
});

describe("court to enforcement unit, after the reorganisation", () => {
  it("sends a regional court's judgments to the regional office of the same number", () => {
    expect(unitFor("Tòa án nhân dân khu vực 3 - Ninh Bình", after)).toBe("ninh-binh-kv-3");
    expect(unitFor("TAND khu vực 03, tỉnh Ninh Bình", after)).toBe("ninh-binh-kv-3");
    expect(unitFor("TOA AN NHAN DAN KHU VUC 3 - NINH BINH", after)).toBe("ninh-binh-kv-3");
  });

  it("asks for the province when a regional court's name gives none: every province has a khu vực 3", () => {
    expect(assignAgency(directory, "TOA AN NHAN DAN KHU VUC 3", after)).toEqual({ ok: false, reviewReason: expect.objectContaining({ code: "court.ambiguous" }) });
  });

  it("sends the merged province's court to the provincial agency", () => {
    expect(unitFor("Tòa án nhân dân tỉnh Ninh Bình", after)).toBe("ninh-binh");
  });

  it("assigns a former district court's judgment received after the change to the regional office that took it over", () => {
    expect(assignAgency(directory, "TAND huyện Kim Bảng", after)).toMatchObject({ ok: true, unit: { id: "ninh-binh-kv-6" }, reviewReasons: [] });
  });

  it("treats a regional court beyond the configured number of offices as unknown", () => {
    const result = assignAgency(haNamNinhBinhDirectory({ regionalOffices: 4 }), "TAND khu vực 5 - Ninh Bình", after);
    expect(result).toEqual({ ok: false, reviewReason: expect.objectContaining({ code: "court.unknown" }) });
  });

  it("does not assign a regional court before it existed", () => {
    const result = assignAgency(directory, "TAND khu vực 3 - Ninh Bình", before);
    expect(result).toEqual({ ok: false, reviewReason: { code: "court.not-in-service", message: expect.stringMatching(/Vào ngày 10\/03\/2025/) } });
  });
});

describe("courts the directory cannot place", () => {
  it("returns a review reason for a court of another province, never a default unit", () => {
    expect(assignAgency(directory, "Tòa án nhân dân huyện Gia Lâm, thành phố Hà Nội", before)).toEqual({
      ok: false,
      reviewReason: { code: "court.unknown", message: expect.stringMatching(/Không nhận ra tòa án "Tòa án nhân dân huyện Gia Lâm, thành phố Hà Nội"/) },
    });
  });

  it("returns a review reason for a court of the province that is not in its complete list", () => {
    expect(assignAgency(directory, "TAND huyện Không Có, tỉnh Hà Nam", before)).toMatchObject({ ok: false, reviewReason: { code: "court.unknown" } });
  });

  it("returns a review reason when the court is missing", () => {
    expect(assignAgency(directory, null, before)).toEqual({ ok: false, reviewReason: expect.objectContaining({ code: "court.missing" }) });
  });
});

describe("the directory as data", () => {
  it("follows successors to the unit responsible on a later date", () => {
    expect(resolveUnitOn(directory, "ha-nam-ly-nhan", "2025-06-30").unit.id).toBe("ha-nam-ly-nhan");
    expect(resolveUnitOn(directory, "ha-nam-ly-nhan", "2025-07-01")).toMatchObject({ unit: { id: "ninh-binh-kv-7" }, confirmed: true });
    expect(resolveUnitOn(haNamNinhBinhDirectory({ regionalOffices: 4 }), "ha-nam-ly-nhan", "2025-07-01")).toMatchObject({ unit: { id: "ninh-binh" }, confirmed: false });
    expect(resolveUnitOn(directory, "ha-nam", "2025-07-01")).toMatchObject({ unit: { id: "ninh-binh" }, confirmed: true });
  });

  it("changes the number of regional offices by configuration", () => {
    expect(haNamNinhBinhDirectory({ regionalOffices: 5 }).units.filter((unit) => unit.level === "regional")).toHaveLength(5);
  });

  it("rejects a directory whose court points at a unit that does not exist", () => {
    const broken = { ...directory, assignments: [{ court: "TAND huyện X", unitId: "nowhere", validFrom: null, validTo: null, confirmed: true }] };
    expect(() => loadAgencyDirectory(broken)).toThrow(AgencyDirectoryError);
  });

  it("rejects a succession cycle", () => {
    const units = [
      { id: "a", name: "A", province: "P", level: "district", validFrom: null, validTo: "2025-01-01", successor: { unitId: "b", confirmed: true } },
      { id: "b", name: "B", province: "P", level: "district", validFrom: null, validTo: "2025-01-01", successor: { unitId: "a", confirmed: true } },
    ];
    expect(() => loadAgencyDirectory({ version: "x", units, assignments: [] })).toThrow(/cycle/);
  });
});
