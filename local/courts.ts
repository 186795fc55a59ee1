/** The court `thads ingest` uploads for when no --court is given: the upload prefix, not the agency (that comes from the court named in the judgment). */
export const DEFAULT_COURT_ID = "tand-tinh-ninh-binh";
