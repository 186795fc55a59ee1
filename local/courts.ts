/**
 * The courts the local stack knows and which enforcement agency receives their judgments (the
 * AGENCY_DIRECTORY setting the functions read). Hà Nam and Nam Định merged into Ninh Bình on
 * 1 July 2025, so from then on one provincial agency receives them all.
 */
import type { AgencyAssignment } from "#domain/agency-directory.ts";
import { REORGANISATION_DATE } from "#domain/agencies/ha-nam-ninh-binh.ts";

/** The court `thads ingest` uploads for when no --court is given. */
export const DEFAULT_COURT_ID = "tand-tinh-ninh-binh";

const BEFORE_MERGER_UNTIL = "2025-06-30";

/** Court id, and the agency that received its judgments before the merger (null: the court is itself new or unchanged). */
const COURTS: readonly (readonly [courtId: string, agencyBefore: string | null])[] = [
  ["tand-tinh-ninh-binh", "ninh-binh"],
  ["tand-kim-son", "ninh-binh-kim-son"],
  ["tand-binh-luc", "ha-nam-binh-luc"],
  ["tand-phu-ly", "ha-nam-phu-ly"],
  ["tand-tp-nam-dinh", "nam-dinh-tp-nam-dinh"],
];

export const LOCAL_AGENCY_DIRECTORY: AgencyAssignment[] = COURTS.flatMap(([courtId, agencyBefore]) => [
  ...(agencyBefore ? [{ courtId, agencyId: agencyBefore, from: "2015-01-01", until: BEFORE_MERGER_UNTIL }] : []),
  { courtId, agencyId: "ninh-binh", from: REORGANISATION_DATE },
]);
