import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Media tests run real ffmpeg, on two cores shared with everything else.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
