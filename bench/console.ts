/**
 * The web console (npm run bench -- --only console):
 *   - bundle size, gzip: what the first screen loads (index.html's script, its preloads and styles),
 *     what the case page adds (its chunk and pdf.js), the pdf.js worker, and everything;
 *   - time to first render of the case page in Chromium (Debian's, through playwright-core) against
 *     the embedded stack: from navigation to the extracted fields on screen, and to the original's first
 *     page drawn with its text layer; the first visit (empty cache), then the median of later ones.
 *
 *   npx tsx bench/console.ts [--runs N]
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { consoleBuildDir } from "../local/console-server.ts";
import { LocalStack } from "../local/stack.ts";
import { DEMO_PASSWORD } from "../local/user-pool.ts";
import { launchChromium } from "../test/support/browser.ts";
import { median } from "./measure.ts";
import type { BenchSection } from "./section.ts";

/** What the page functions use of the DOM (this module is typechecked without the DOM's types). */
interface PageGlobals {
  document: { querySelector(selector: string): { textContent: string | null } | null };
}

const SAMPLE = join(import.meta.dirname, "..", "samples", "pdf", "ban-an-vay-tai-san.pdf");

export interface ConsoleBundleFigures {
  firstScreenGzip: number;
  casePageGzip: number;
  workerGzip: number;
  totalGzip: number;
  totalRaw: number;
}

/** Gzipped size of the console's files as `npm run build` wrote them (dist/console). */
export async function consoleBundleSizes(root = consoleBuildDir()): Promise<ConsoleBundleFigures> {
  if (!existsSync(join(root, "index.html"))) throw new Error(`the console is not built in ${root}: run npm run build`);
  const assets = await readdir(join(root, "assets"));
  const sizes = new Map<string, { raw: number; gzip: number }>();
  for (const name of assets) {
    const bytes = await readFile(join(root, "assets", name));
    sizes.set(name, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  const gzipOf = (names: Iterable<string>) => [...new Set(names)].reduce((sum, name) => sum + (sizes.get(name)?.gzip ?? 0), 0);
  const html = await readFile(join(root, "index.html"), "utf8");
  const firstScreen = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)].map((found) => found[1] ?? "");
  const casePage = assets.filter((name) => /^(case-page|pdf-viewer|case-matters|descriptions)-/.test(name) && !name.includes("worker"));
  return {
    firstScreenGzip: gzipOf(firstScreen),
    casePageGzip: gzipOf(casePage),
    workerGzip: gzipOf(assets.filter((name) => name.includes("worker"))),
    totalGzip: gzipOf(sizes.keys()),
    totalRaw: [...sizes.values()].reduce((sum, size) => sum + size.raw, 0),
  };
}

export interface FirstRenderFigures {
  coldFieldsMs: number;
  coldOriginalMs: number;
  warmFieldsMs: number;
  warmOriginalMs: number;
  runs: number;
}

/** Milliseconds from navigation start to the case's fields, and to the original's first page with its text layer. */
export async function caseFirstRender(runs: number): Promise<FirstRenderFigures> {
  const stack = await LocalStack.start({ dataDir: null, httpPort: 0, consolePort: 0 });
  const browser = await launchChromium();
  try {
    const bytes = await readFile(SAMPLE);
    await stack.upload({ courtId: "tand-binh-luc", fileName: "ban-an-vay-tai-san.pdf", bytes });
    await stack.settled(120_000);
    const caseId = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
    const api = stack.api!.url;
    const signIn = await fetch(`${api}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "can-bo", password: DEMO_PASSWORD }) });
    const { idToken, expiresIn, user } = (await signIn.json()) as { idToken: string; expiresIn: number; user: unknown };
    const session = JSON.stringify({ token: idToken, expiresAt: Date.now() + expiresIn * 1000, user });
    const times: { fields: number; original: number }[] = [];
    for (let run = 0; run <= runs; run += 1) {
      const page = await browser.context.newPage();
      await page.addInitScript(`sessionStorage.setItem("thads.session", ${JSON.stringify(session)})`);
      await page.goto(`${stack.console!.url}#/ho-so/${caseId}`);
      // the time in the page, once `selector` holds `text`; functions, not strings: the page's CSP forbids eval
      const shown = (selector: string, text: string) =>
        page.waitForFunction(
          ([css, wanted]) => {
            const found = (globalThis as unknown as PageGlobals).document.querySelector(css);
            return found !== null && (found.textContent ?? "").includes(wanted) && performance.now();
          },
          [selector, text] as const,
          { polling: "raf", timeout: 30_000 },
        );
      const fields = await shown("h1", "27/2024/DS-ST");
      const original = await shown(".textLayer span", "");
      times.push({ fields: Number(await fields.jsonValue()), original: Number(await original.jsonValue()) });
      await page.close();
    }
    const [cold, ...warm] = times;
    return {
      coldFieldsMs: cold?.fields ?? Number.NaN,
      coldOriginalMs: cold?.original ?? Number.NaN,
      warmFieldsMs: median(warm.map((time) => time.fields)),
      warmOriginalMs: median(warm.map((time) => time.original)),
      runs,
    };
  } finally {
    await browser.close();
    await stack.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function formatConsoleBench(sizes: ConsoleBundleFigures, render: FirstRenderFigures): string {
  return [
    "## console",
    "",
    "| bundle (gzip) | size |",
    "|---|---|",
    `| first screen (index.html's script, preloads, styles) | ${kb(sizes.firstScreenGzip)} |`,
    `| case page adds (its chunks with pdf.js) | ${kb(sizes.casePageGzip)} |`,
    `| pdf.js worker (loaded with the first original) | ${kb(sizes.workerGzip)} |`,
    `| everything (${kb(sizes.totalRaw)} before gzip) | ${kb(sizes.totalGzip)} |`,
    "",
    `| case page in Chromium, from navigation | first visit | median of ${render.runs} later |`,
    "|---|---|---|",
    `| extracted fields on screen | ${render.coldFieldsMs.toFixed(0)} ms | ${render.warmFieldsMs.toFixed(0)} ms |`,
    `| original's first page with its text layer | ${render.coldOriginalMs.toFixed(0)} ms | ${render.warmOriginalMs.toFixed(0)} ms |`,
    "",
  ].join("\n");
}

export const consoleBench: BenchSection = {
  name: "console",
  async run() {
    console.log(formatConsoleBench(await consoleBundleSizes(), await caseFirstRender(5)));
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
  console.log(formatConsoleBench(await consoleBundleSizes(), await caseFirstRender(Number(values.runs))));
}
