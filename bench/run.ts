// npm run bench [-- --only NAME[,NAME]] [-- --uploads N]: runs the benchmark sections one after the other
// (--uploads: how many the load section sends at once, 1,000 by default).
import { parseArgs } from "node:util";
import { extractionBench } from "./extraction.ts";
import { localBench } from "./local.ts";
import type { BenchSection } from "./section.ts";

const { values } = parseArgs({ options: { only: { type: "string", multiple: true }, uploads: { type: "string" } } });

// Each section loads its module when it runs, so `--only extraction` does not load pdf.js, sharp or esbuild.
const SECTIONS: readonly BenchSection[] = [
  extractionBench,
  localBench,
  {
    name: "ocr",
    async run() {
      const { benchOcr } = await import("./ocr.ts");
      await benchOcr();
      const { benchOcrModels } = await import("./ocr-models.ts");
      await benchOcrModels();
    },
  },
  {
    name: "bundles",
    async run() {
      const { benchBundles, formatBundleReport } = await import("./bundles.ts");
      console.log(formatBundleReport(await benchBundles()));
    },
  },
  {
    name: "load",
    async run() {
      const { benchLoad, formatLoadBench } = await import("./load.ts");
      console.log(formatLoadBench(await benchLoad(values.uploads === undefined ? {} : { uploads: Number(values.uploads) })));
    },
  },
  {
    name: "console",
    async run() {
      const { consoleBench } = await import("./console.ts");
      await consoleBench.run();
    },
  },
  {
    name: "report",
    async run() {
      const { benchReport, formatReportBench } = await import("./report.ts");
      console.log(formatReportBench(benchReport()));
    },
  },
];

const wanted = new Set((values.only ?? []).flatMap((names) => names.split(",")));
const unknown = [...wanted].filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`bench: no section named ${unknown.join(", ")}; sections: ${SECTIONS.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
for (const section of SECTIONS.filter((s) => wanted.size === 0 || wanted.has(s.name))) {
  await section.run();
}
