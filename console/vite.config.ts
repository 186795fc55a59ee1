/** Builds the web console (console/) into dist/console: static files served from any path (relative base). */
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/console", import.meta.url)),
    emptyOutDir: true,
    // pdf.js and ECharts are loaded with the pages that use them, not with the first screen
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
});
