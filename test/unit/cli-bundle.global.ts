import { bundleClis } from "./cli-bundle";

/** vitest's global setup: the command-line scripts the CLI tests start (run-cli.ts). */
export default async function setup(): Promise<void> {
  await bundleClis("vitest");
}
