// Renders the loan judgment sample into samples/pdf/ as a digital PDF (text layer, DejaVu Sans), so the
// PDF path can be tried and scored beside the .txt: npm run samples:pdf
import { readFile, writeFile } from "node:fs/promises";
import { renderTextPdf } from "./pdf/render-text-pdf.ts";

const source = new URL("../samples/ban-an-vay-tai-san.txt", import.meta.url);
const target = new URL("../samples/pdf/ban-an-vay-tai-san.pdf", import.meta.url);

await writeFile(target, await renderTextPdf([await readFile(source, "utf8")]));
console.log(`wrote ${target.pathname}`);
