import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(__dirname, ".."),
  resolve: { alias: { "~": path.resolve(__dirname, "../app") } },
  test: {
    include: ["app/**/*.test.ts", "test/unit/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/unit/cli-bundle.global.ts"],
    // Vitest takes cores − 1 workers: one on this 2-core machine, where the command-line tests then wait in line
    // behind the property tests although they mostly wait for their child processes. Two keep both cores busy.
    pool: "forks",
    maxWorkers: 2,
    minWorkers: 1,
    // A limit for hangs, not a measure of speed: with the cores shared (parallel work, busy loops) a CPU-heavy test may
    // take several times its usual second or two. Tests that need longer say so themselves.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
