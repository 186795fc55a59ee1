// Renders every sample judgment/decision (samples/*.txt) into samples/pdf/ as a digital PDF (text layer,
// DejaVu Sans), so the PDF path can be tried and scored beside the .txt, and the local stack (npm start)
// has digital documents to ingest: npm run samples:pdf
import { readdir, readFile, writeFile } from "node:fs/promises";
import { renderTextPdf } from "./pdf/render-text-pdf.ts";

const samples = new URL("../samples/", import.meta.url);

for (const name of (await readdir(samples)).filter((file) => file.endsWith(".txt")).sort()) {
  const target = new URL(`pdf/${name.replace(/\.txt$/, ".pdf")}`, samples);
  await writeFile(target, await renderTextPdf([await readFile(new URL(name, samples), "utf8")]));
  console.log(`wrote ${target.pathname}`);
}
