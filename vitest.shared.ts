// Shared test settings: every package's vitest.config.ts uses these.
import { defineConfig } from "vitest/config";

process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests own databases and queues; two cores, so keep parallelism modest.
    maxWorkers: 2,
    // The JSON report feeds the pass/fail totals that `npm test` prints at the end.
    reporters: ["default", ["json", { outputFile: "test-output/vitest.json" }]],
  },
});
