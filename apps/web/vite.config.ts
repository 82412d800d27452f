import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The API server (apps/server) serves the API and, in production, this build.
const apiServer = "http://localhost:3000";

export default defineConfig({
  // Pinned so the build lands in apps/web/dist whichever directory vite is run from.
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": apiServer,
      // Signed HLS playlists and segments.
      "/media": apiServer,
      "/healthz": apiServer,
      "/readyz": apiServer,
    },
  },
  test: {
    environment: "jsdom",
    // The API client resolves paths against window.location.origin, so jsdom needs a real origin.
    environmentOptions: { jsdom: { url: apiServer } },
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // Node's resolution would pick tus-js-client's Node build (http module, Buffers); the
    // app ships its browser build (XMLHttpRequest, Blob, localStorage), so test that one.
    alias: [{ find: /^tus-js-client$/, replacement: "tus-js-client/lib.esm/browser/index.js" }],
    server: { deps: { inline: ["tus-js-client"] } },
  },
});
