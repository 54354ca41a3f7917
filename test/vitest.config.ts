import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(__dirname, ".."),
  resolve: { alias: { "~": path.resolve(__dirname, "../app") } },
  test: {
    include: ["app/**/*.test.ts", "test/unit/**/*.test.ts"],
    environment: "node",
  },
});
