/**
 * The original document with pdf.js: each page drawn on a canvas under its text layer, where the
 * text each extracted field was read from is highlighted (the focused field's more strongly, and
 * scrolled to). Scans have no text layer of their own; their fields show their evidence beside.
 */
import { GlobalWorkerOptions, getDocument, TextLayer, type PDFDocumentProxy } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import { useEffect, useRef, useState } from "react";

GlobalWorkerOptions.workerSrc = workerUrl;

const fold = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/** Whether a run of the text layer is part of a field's evidence (runs of a few letters would match anywhere). */
const partOf = (run: string, evidence: string) => run.length >= 4 && evidence.includes(run);

export default function PdfViewer({ url, evidence, focus }: { url: string; evidence: string[]; focus: string | null }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [pages, setPages] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let document: PDFDocumentProxy | undefined;
    const host = container.current;
    if (!host) return;
    host.replaceChildren();
    setState("loading");
    void (async () => {
      try {
        // one plain GET: the presigned URL signs no Range header
        document = await getDocument({ url, disableRange: true, disableStream: true }).promise;
        if (cancelled) return;
        setPages(document.numPages);
        for (let number = 1; number <= document.numPages && !cancelled; number += 1) {
          const page = await document.getPage(number);
          const viewport = page.getViewport({ scale: 1.5 });
          const wrapper = window.document.createElement("div");
          wrapper.className = "pdf-page";
          wrapper.style.aspectRatio = `${viewport.width} / ${viewport.height}`;
          wrapper.style.setProperty("--total-scale-factor", "1.5");
          wrapper.setAttribute("aria-label", `Trang ${number}`);
          wrapper.setAttribute("role", "img");
          const canvas = window.document.createElement("canvas");
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          const layer = window.document.createElement("div");
          layer.className = "textLayer";
          wrapper.append(canvas, layer);
          host.append(wrapper);
          await page.render({ canvas, viewport }).promise;
          await new TextLayer({ textContentSource: page.streamTextContent(), container: layer, viewport }).render();
          // the layer is laid out at the viewport's size; the page shrinks to the column's width
          const fit = () => {
            layer.style.width = `${viewport.width}px`;
            layer.style.height = `${viewport.height}px`;
            layer.style.transform = `scale(${wrapper.clientWidth / viewport.width})`;
          };
          fit();
          new ResizeObserver(fit).observe(wrapper);
        }
        if (!cancelled) setState("ready");
      } catch {
        if (!cancelled) setState("failed");
      }
    })();
    return () => {
      cancelled = true;
      void document?.destroy();
    };
  }, [url]);

  useEffect(() => {
    const host = container.current;
    if (!host || state !== "ready") return;
    const all = evidence.map(fold);
    const focused = focus === null ? null : fold(focus);
    let first: HTMLElement | null = null;
    for (const span of host.querySelectorAll<HTMLElement>(".textLayer span")) {
      const run = fold(span.textContent ?? "");
      span.classList.toggle("evidence-hit", all.some((text) => partOf(run, text)));
      const hit = focused !== null && partOf(run, focused);
      span.classList.toggle("evidence-focus", hit);
      if (hit && first === null) first = span;
    }
    first?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [evidence, focus, state]);

  return (
    // focusable, so that its pages scroll by keyboard
    <section className="pdf-viewer" aria-busy={state === "loading"} aria-label="Các trang bản gốc" tabIndex={0}>
      {state === "loading" && <p>Đang tải bản gốc…</p>}
      {state === "failed" && <p role="alert">Không hiển thị được bản gốc.</p>}
      {state === "ready" && <p className="sr-only">{`Bản gốc, ${pages} trang`}</p>}
      <div ref={container} data-testid="pdf-pages" />
    </section>
  );
}
