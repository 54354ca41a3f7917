import { env } from "./env.server";

/** Whether an app answers on the configured address: commands that replace data under it must not run beside it. */
export async function appIsRunning(): Promise<{ running: boolean; where: string }> {
  const { HOST, PORT } = env();
  const where = `${HOST}:${PORT}`;
  const running = await fetch(`http://${where}/healthz`).then(
    () => true,
    () => false,
  );
  return { running, where };
}
