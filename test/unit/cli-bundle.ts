import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CLI_DIR = path.join(ROOT, "app/cli");

/**
 * The command-line scripts, bundled once per test run the way `build:server` bundles the server (esbuild, packages
 * left to node_modules), so a test starts plain node on one file instead of node with the tsx loader, which compiles
 * every module again on each start: 1.3 s of CPU per start instead of 3.0 s (import.ts, measured here at load 12).
 * vitest and Playwright each bundle into a folder of their own, as the two may run at the same time.
 */
export function cliBundleDir(runner: "vitest" | "e2e"): string {
  return path.join(ROOT, "test/.tmp/cli", runner);
}

export async function bundleClis(runner: "vitest" | "e2e"): Promise<void> {
  const outdir = cliBundleDir(runner);
  fs.rmSync(outdir, { recursive: true, force: true });
  const entryPoints = fs.readdirSync(CLI_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(CLI_DIR, f));
  await build({
    entryPoints,
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    plugins: [
      {
        name: "app-alias-and-packages",
        setup(bundler) {
          // "~/…" is the app folder (tsconfig paths); every other bare import stays a package of node_modules.
          bundler.onResolve({ filter: /^~\// }, (args) => bundler.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: path.join(ROOT, "app") }));
          bundler.onResolve({ filter: /^[^./~]/ }, () => ({ external: true }));
        },
      },
    ],
  });
}
