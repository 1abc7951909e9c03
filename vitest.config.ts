import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2 cores: each file opens its own database, so keep the pool small.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
