import { bundleClis } from "../unit/cli-bundle";

/** Playwright's global setup: the command-line scripts the specs start with runCli (test/unit/run-cli.ts). */
export default async function setup(): Promise<void> {
  await bundleClis("e2e");
}
