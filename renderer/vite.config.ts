import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The gateway serves the built UI under a strict CSP (script-src 'self'; style-src 'self'): the
// build must hold no inline script, no inline style and nothing fetched from another origin.
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    // The preload polyfill and small assets as data: URLs would both need a looser CSP.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: "es2022",
  },
  server: { host: "127.0.0.1" },
});
