import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";

export const DOVECOT = "/usr/sbin/dovecot";

/**
 * A real Dovecot (Debian `dovecot-imapd`) on 127.0.0.1 with a throwaway configuration, passwd-file and maildir under
 * test/.tmp, plaintext login without TLS (only on 127.0.0.1). Runs as the current user; started as root (a CI
 * container), Dovecot refuses root for its login and mail processes, so those run as its own package's users.
 */
export type Dovecot = {
  port: number;
  url: string;
  user: string;
  password: string;
  stop(): void;
  client(password?: string): ImapFlow;
  /** A message into INBOX by IMAP APPEND, as a mail server's delivery puts it there. */
  deliver(raw: Buffer): Promise<void>;
  /** How many messages a folder holds. */
  count(folder: string): Promise<number>;
};

function ids(name: string): { uid: number; gid: number } | undefined {
  const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function waitForPort(port: number, until: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => (Date.now() > until ? reject(new Error(`Dovecot did not listen on ${port}`)) : setTimeout(attempt, 100)));
    };
    attempt();
  });
}

/** A Dovecot of an earlier run that was killed before its afterAll: only the one this folder's pid file names. */
function stopLeftOver(pidFile: string): void {
  if (!fs.existsSync(pidFile)) return;
  try {
    signalDaemon(pidFile);
    spawnSync("sleep", ["0.5"]);
  } catch {
    // not running any more
  }
}

/** SIGTERM to the pid a pid file names; never to 0 or below, which would reach the whole process group (the test runner). */
function signalDaemon(pidFile: string): void {
  const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
  if (Number.isInteger(pid) && pid > 0) process.kill(pid, "SIGTERM");
}

/** A port nobody listens on now, chosen by the system: a fixed one meets another checkout's run of the same test. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `folder` names its files under test/.tmp/dovecot, so a run killed before its afterAll is found and stopped next time. */
export async function startDovecot(port: number, folder = String(port)): Promise<Dovecot> {
  const root = path.resolve("test/.tmp/dovecot", folder);
  stopLeftOver(path.join(root, "run", "master.pid"));
  fs.rmSync(root, { recursive: true, force: true });
  for (const dir of ["run", "state", "mail"]) fs.mkdirSync(path.join(root, dir), { recursive: true });
  const self = os.userInfo();
  const asRoot = self.uid === 0;
  const internal = asRoot ? ids("dovecot") : { uid: self.uid, gid: self.gid };
  if (!internal) throw new Error("Dovecot's user is missing: install dovecot-imapd");
  const user = "signalen";
  const password = "postvak-wachtwoord-voor-de-test";
  if (asRoot) fs.chownSync(path.join(root, "mail"), internal.uid, internal.gid);
  fs.writeFileSync(path.join(root, "passwd"), `${user}:{PLAIN}${password}\n`);
  const config = `
protocols = imap
listen = 127.0.0.1
base_dir = ${root}/run
state_dir = ${root}/state
log_path = ${root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${asRoot ? "dovecot" : self.username}
default_login_user = ${asRoot ? "dovenull" : self.username}
first_valid_uid = ${internal.uid}
mail_location = maildir:${root}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${root}/passwd
}
userdb {
  driver = static
  args = uid=${internal.uid} gid=${internal.gid} home=${root}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
namespace inbox {
  inbox = yes
  separator = /
}
`;
  const file = path.join(root, "dovecot.conf");
  fs.writeFileSync(file, config);
  // The daemon keeps the pipes it was given: with them spawnSync would wait for it to end. Its errors go to the log.
  const started = spawnSync(DOVECOT, ["-c", file], { stdio: "ignore" });
  const logFile = path.join(root, "dovecot.log");
  if (started.status !== 0) throw new Error(`dovecot did not start: ${fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : started.status}`);
  await waitForPort(port, Date.now() + 15_000);
  const url = `imap://127.0.0.1:${port}`;
  const client = (pass = password) => {
    const imap = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user, pass }, logger: false, disableAutoIdle: true });
    imap.on("error", () => undefined);
    return imap;
  };
  return {
    port,
    url,
    user,
    password,
    stop() {
      signalDaemon(path.join(root, "run", "master.pid"));
    },
    client,
    async deliver(raw) {
      const imap = client();
      await imap.connect();
      await imap.append("INBOX", raw);
      await imap.logout();
    },
    async count(folder) {
      const imap = client();
      await imap.connect();
      const status = await imap.status(folder, { messages: true });
      await imap.logout();
      return status ? (status.messages ?? 0) : -1;
    },
  };
}
