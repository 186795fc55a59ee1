import { beforeEach, describe, expect, it } from "vitest";
import { vietnamDirectory } from "#domain/agencies/vietnam-directory.ts";
import { reason } from "#domain/review-reasons.ts";
import type { StoredCase } from "#domain/stored-case.ts";
import type { CaseRepository } from "#ports/case-repository.ts";
import type { MatterRepository } from "#ports/matter-repository.ts";
import type { ExtractedDocument } from "#use-cases/extract-document.ts";
import { recordCase, type FetchedUpload } from "#use-cases/intake-steps.ts";
import { extractedCase } from "../support/cases.ts";

const PHU_LY = "Tòa án nhân dân thành phố Phủ Lý, tỉnh Hà Nam";
const fetched: FetchedUpload = {
  object: { ref: { bucket: "thads-uploads", key: "courts/tand-phu-ly/2025/03/14/3f1c2a9e/ban-an.pdf", versionId: "v1" }, bytes: new Uint8Array(), contentType: "application/pdf", sizeBytes: 48_213 },
  upload: { courtId: "tand-phu-ly", uploadDate: "2025-03-14", uploadId: "3f1c2a9e", fileName: "ban-an.pdf" },
  mediaType: "application/pdf",
  sha256: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c",
  caseId: "0f3a5c7e9b1d2f4a6c8e0a2b4d6f8a1c",
};
const readAs = (court: string | null): ExtractedDocument => ({
  case: extractedCase({ court }),
  read: { pages: [], text: "…", mediaType: "application/pdf", unreadPages: [] },
});

let writes: string[];
let stored: StoredCase[];
const cases = {
  create: async (record: StoredCase) => {
    writes.push("case");
    stored.push(record);
    return "created" as const;
  },
  findByCaseNumber: async () => [],
  recordUpload: async () => undefined,
} as unknown as CaseRepository;
const matters = {
  saveProposals: async () => {
    writes.push("proposals");
    return "stored" as const;
  },
} as unknown as MatterRepository;
const deps = { cases, matters, directory: vietnamDirectory() };

beforeEach(() => {
  writes = [];
  stored = [];
});

describe("agency of a new case", () => {
  it("is the unit that served the court named in the judgment on the day the judgment arrived", async () => {
    await recordCase(fetched, readAs(PHU_LY), "2025-03-14T02:15:42.512Z", deps);

    expect(stored[0]).toMatchObject({ agencyId: "ha-nam-phu-ly", status: "extracted", reviewReasons: [] });
  });

  it("follows the July 2025 merger by the Vietnam date of arrival, to the regional office that took over the district court", async () => {
    // 00:30 on 1 July in Vietnam, still 30 June in UTC.
    await recordCase(fetched, readAs(PHU_LY), "2025-06-30T17:30:00.000Z", deps);

    expect(stored[0]).toMatchObject({ agencyId: "ninh-binh-kv-5", status: "extracted", reviewReasons: [] });
  });

  it("goes to the province's agency for a court whose office the directory does not know, asking staff to confirm the office", async () => {
    const baDinh = "Tòa án nhân dân quận Ba Đình, thành phố Hà Nội";
    await recordCase(fetched, readAs(baDinh), "2025-03-14T02:15:42.512Z", deps);

    expect(stored[0]).toMatchObject({ agencyId: "ha-noi-cu", status: "needs_review", reviewCodes: ["agency.confirm-district-office"] });
    expect(stored[0]?.reviewReasons).toEqual([reason("agency.confirm-district-office", { court: baDinh, agency: "Cục Thi hành án dân sự thành phố Hà Nội" }).message]);
  });

  it("is left open for review when the court's province is unknown, never guessed", async () => {
    await recordCase(fetched, readAs("Tòa án nhân dân huyện Không Tên"), "2025-03-14T02:15:42.512Z", deps);

    expect(stored[0]).toMatchObject({ agencyId: null, status: "needs_review", reviewCodes: ["court.unknown"] });
    expect(stored[0]?.reviewReasons).toEqual(['Không nhận ra tòa án "Tòa án nhân dân huyện Không Tên": chưa có cơ quan thi hành án nào được giao nhận bản án của tòa này']);
  });

  it("of a high court's judgment is the agency of the first-instance court it names", async () => {
    const appeal = extractedCase({ court: "Tòa án nhân dân cấp cao tại Hà Nội", firstInstanceCourt: "Tòa án nhân dân tỉnh Nam Định" });
    await recordCase(fetched, { ...readAs(null), case: appeal }, "2025-03-14T02:15:42.512Z", deps);

    expect(stored[0]).toMatchObject({ agencyId: "nam-dinh", status: "extracted" });
  });

  it("comes with the case's proposed matters, stored before the case so a retry after a crash still finds them", async () => {
    await recordCase(fetched, readAs(PHU_LY), "2025-03-14T02:15:42.512Z", deps);

    expect(writes).toEqual(["proposals", "case"]);
  });
});
