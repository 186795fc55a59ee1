/**
 * The report of a period as files to download (GET /reports/{period}/exports/{format}): built from
 * the aggregates as the rollup builds it, written to the reports bucket under exports/, and handed
 * back as short-lived presigned links, so the files never pass through the API's 6 MB response.
 */
import type { ExportFormat } from "../domain/report/export/export.ts";
import type { ReportPeriod } from "../domain/report/periods.ts";
import type { ObjectStore } from "../ports/object-store.ts";
import type { SpreadsheetWriter } from "../ports/spreadsheet-writer.ts";
import { exportReport } from "./export-report.ts";
import { reportFromAggregates, type ReportDependencies } from "./roll-up-report.ts";

/** Where on-demand exports go in the reports bucket: exports/<period id>/<request id>/<file>. */
export const EXPORTS_PREFIX = "exports/";

export interface ReportDownload {
  name: string;
  contentType: string;
  url: string;
  expiresAt: string;
}

export interface DownloadDependencies extends ReportDependencies {
  files: ObjectStore;
  spreadsheets: SpreadsheetWriter;
  bucket: string;
  expiresInSeconds: number;
}

/** Exports the report of `period` in `format` and returns a download link per file (one, or one per table for CSV). */
export async function reportDownloads(request: { period: ReportPeriod; format: ExportFormat; requestId: string }, deps: DownloadDependencies): Promise<{ period: string; files: ReportDownload[] }> {
  const report = await reportFromAggregates(request.period, deps);
  const files: ReportDownload[] = [];
  for (const file of await exportReport(report, request.format, deps.spreadsheets)) {
    const ref = { bucket: deps.bucket, key: `${EXPORTS_PREFIX}${request.period.id}/${request.requestId}/${file.name}` };
    await deps.files.put(ref, file.body, file.contentType);
    const link = await deps.files.createDownloadUrl({ ref, fileName: file.name, expiresInSeconds: deps.expiresInSeconds });
    files.push({ name: file.name, contentType: file.contentType, url: link.url, expiresAt: link.expiresAt });
  }
  return { period: request.period.id, files };
}
