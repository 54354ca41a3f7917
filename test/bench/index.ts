/** npm run bench -- <name>: runs one benchmark script and prints its figures. */
export {};
const benchName = process.argv[2] ?? "signals";
const benches: Record<string, () => Promise<unknown>> = {
  signals: () => import("./signals"),
  portal: () => import("./portal"),
  report: () => import("./report"),
  start: () => import("./start"),
  pages: () => import("./pages"),
  exports: () => import("./exports"),
  inbox: () => import("./inbox"),
  tenderned: () => import("./tenderned"),
};
const bench = benches[benchName];
if (!bench) {
  process.stderr.write(`Onbekende benchmark '${benchName}'. Kies uit: ${Object.keys(benches).join(", ")}\n`);
  process.exit(2);
}
await bench();
