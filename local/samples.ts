/**
 * The documents `npm start` ingests: our sample judgments as digital PDFs (samples/pdf/) and two of
 * them as scans, rendered once into the data folder with scripts/make-scans.ts (seeded, so always the
 * same bytes): the decision as one long JPEG, a phone capture (read at once, Textract's synchronous path) and the loan
 * judgment as a scanned multi-page PDF (an asynchronous OCR job and its completion notice).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { CLEAN_LOOK, rasterisePdf, renderTextPdf, scanPages, scannerLook, type ScanFormat } from "../scripts/make-scans.ts";
import { samplesDir } from "./paths.ts";

const SAMPLES = samplesDir();

/** The court that sent each sample (the court named in its heading). */
export const SAMPLE_COURTS: Record<string, string> = {
  "ban-an-vay-tai-san": "tand-binh-luc",
  "ban-an-tin-dung-ngan-hang": "tand-tp-nam-dinh",
  "quyet-dinh-cong-nhan-thoa-thuan-ly-hon": "tand-kim-son",
};

const SCANS: readonly { sample: string; format: ScanFormat }[] = [
  { sample: "quyet-dinh-cong-nhan-thoa-thuan-ly-hon", format: "jpg" },
  { sample: "ban-an-vay-tai-san", format: "pdf" },
];

export interface SampleDocument {
  file: string;
  courtId: string;
  scanned: boolean;
}

/** Renders a sample's text as a scanned document, unless an earlier run already did. */
async function scanOf(sample: string, format: ScanFormat, folder: string): Promise<string> {
  const file = join(folder, `${sample} (bản scan).${format}`);
  if (existsSync(file)) return file;
  const text = await readFile(join(SAMPLES, `${sample}.txt`), "utf8");
  const pages = await rasterisePdf(await renderTextPdf(text), CLEAN_LOOK.dpi);
  await writeFile(file, await scanPages(pages, format, scannerLook(sample), sample));
  return file;
}

/** The digital PDFs, then the scans (rendered into `scanFolder` on first use). */
export async function sampleDocuments(scanFolder: string): Promise<SampleDocument[]> {
  await mkdir(scanFolder, { recursive: true });
  const digital = Object.keys(SAMPLE_COURTS).map((sample) => ({ file: join(SAMPLES, "pdf", `${sample}.pdf`), courtId: SAMPLE_COURTS[sample]!, scanned: false }));
  const scans: SampleDocument[] = [];
  for (const { sample, format } of SCANS) scans.push({ file: await scanOf(sample, format, scanFolder), courtId: SAMPLE_COURTS[sample]!, scanned: true });
  return [...digital, ...scans];
}

export const sampleName = (document: SampleDocument): string => basename(document.file);
