import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layering rule of the README's architecture section, checked on every import of the app's own code (tests may
 * import anything): routes → auth → models → db, with domain (pure rules) and utils (plumbing without queries) below
 * them all. The database is db/ and its one connection, app/utils/db.server.ts, with the group commit through which
 * that connection commits the portal's writes (app/utils/group-commit.server.ts).
 */
const CONNECTION = new Set(["app/utils/db.server.ts", "app/utils/group-commit.server.ts"]);
const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

type Layer = "domain" | "demo" | "utils" | "models" | "auth" | "routes" | "components" | "db" | "edge";

function layerOf(file: string): Layer {
  const relative = path.relative(ROOT, file).split(path.sep).join("/");
  if (relative.startsWith("db/") || CONNECTION.has(relative)) return "db";
  const folder = /^app\/([^/]+)\//.exec(relative)?.[1];
  if (folder === "domain" || folder === "demo" || folder === "utils" || folder === "models" || folder === "auth" || folder === "routes" || folder === "components") return folder;
  return "edge";
}

/**
 * What each layer may not import. The edge (server, entry, root, boot, cli) wires everything together; demo/ is the
 * demo dataset (plain data, like domain); components render what routes hand them and never reach the database.
 */
const FORBIDDEN: Record<Layer, readonly Layer[]> = {
  domain: ["demo", "utils", "models", "auth", "routes", "components", "db", "edge"],
  demo: ["utils", "models", "auth", "routes", "components", "db", "edge"],
  utils: ["models", "auth", "routes", "components", "db", "edge"],
  db: ["models", "auth", "routes", "components", "edge"],
  models: ["auth", "routes", "components", "edge"],
  auth: ["routes", "components", "db", "edge"],
  routes: ["db", "edge"],
  components: ["db"],
  edge: [],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "__fixtures__" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|(?:^|[\s;(])import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;

export function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[1] ?? match[2] ?? match[3] ?? "");
}

/** The file an import names, or undefined for a package (node:, npm). */
function resolved(from: string, specifier: string): string | undefined {
  if (specifier.startsWith("~/")) return path.join(APP, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(from), specifier);
  return undefined;
}

function layerOfImport(from: string, specifier: string): Layer | undefined {
  const target = resolved(from, specifier);
  if (!target) return undefined;
  const file = [target, `${target}.ts`, `${target}.tsx`, path.join(target, "index.ts")].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  return layerOf(file ?? target);
}

function violations(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const layer = layerOf(file);
    return importsOf(fs.readFileSync(file, "utf8"))
      .map((specifier) => ({ specifier, target: layerOfImport(file, specifier) }))
      .filter(({ target }) => target !== undefined && FORBIDDEN[layer].includes(target))
      .map(({ specifier, target }) => `${path.relative(ROOT, file)} (${layer}) imports ${specifier} (${target})`);
  });
}

/**
 * Names imported from `.server` modules that a statement at the module's top level calls. The classic compiler
 * empties those modules in a route's browser bundle, so such a call throws in the browser (README, the layering rule).
 */
function topLevelServerCalls(source: string): string[] {
  const names = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*["'][^"']*\.server["']/g)].flatMap((match) =>
    match[1]!.split(",").map((part) => part.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()!).filter(Boolean),
  );
  const topLevel = source.split("\n").filter((line) => /^(export\s+)?(const|let|var)\s/.test(line) || /^[A-Za-z_$][\w$]*\(/.test(line));
  return names.filter((name) => topLevel.some((line) => new RegExp(`^[^=]*=\\s*(await\\s+)?${name}\\(|^${name}\\(`).test(line)));
}

describe("layers point one way", () => {
  const files = [...sourceFiles(APP), ...sourceFiles(path.join(ROOT, "db"))];

  it("finds the app's files and their imports", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(importsOf('import { a } from "~/x";\nimport type { B } from "./y";\nexport { c } from "../z";\nconst m = await import("~/w");\nimport "./side";')).toEqual(["~/x", "./y", "../z", "~/w", "./side"]);
  });

  it("no import goes against the rule", () => {
    expect(violations(files)).toEqual([]);
  });

  it("domain imports only domain, and packages that are not Node's own", () => {
    const domain = files.filter((file) => layerOf(file) === "domain");
    const outside = domain.flatMap((file) =>
      importsOf(fs.readFileSync(file, "utf8"))
        .filter((specifier) => specifier.startsWith("node:") || (resolved(file, specifier) !== undefined && layerOfImport(file, specifier) !== "domain"))
        .map((specifier) => `${path.relative(ROOT, file)} imports ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it("routes ask the permission table, never name roles: the guard gets a capability, pages ask can()", () => {
    const routes = files.filter((file) => layerOf(file) === "routes" || path.basename(file) === "root.tsx");
    const roleChecks = routes.flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, at: `${path.relative(ROOT, file)}:${index + 1}` }))
        .filter(({ line }) => /requireUser\([^)]*\[|roles\.includes\(|hasAnyRole\([^)]*\["/.test(line))
        .map(({ at, line }) => `${at} ${line.trim()}`),
    );
    expect(roleChecks).toEqual([]);
  });

  it("route modules call .server code only inside their loaders and actions, never at their top level", () => {
    const routes = files.filter((file) => layerOf(file) === "routes");
    expect(topLevelServerCalls("import { notFoundOn } from \"~/utils/not-found.server\";\nconst orNotFound = notFoundOn(\"X\", \"y\");")).toEqual(["notFoundOn"]);
    expect(topLevelServerCalls("import { notFoundOn } from \"~/utils/not-found.server\";\nconst orNotFound = (work) => notFoundOn(\"X\", \"y\", work);")).toEqual([]);
    const calls = routes.flatMap((file) => topLevelServerCalls(fs.readFileSync(file, "utf8")).map((name) => `${path.relative(ROOT, file)}: ${name}(…)`));
    expect(calls).toEqual([]);
  });

  it("would catch a util that queries, a route that opens the database and a rule that reads a model", () => {
    const fake = (relative: string) => path.join(ROOT, relative);
    expect(FORBIDDEN[layerOf(fake("app/utils/x.server.ts"))]).toContain(layerOf(fake("app/models/user.server.ts")));
    expect(FORBIDDEN[layerOf(fake("app/utils/x.server.ts"))]).toContain(layerOf(fake("app/utils/db.server.ts")));
    expect(FORBIDDEN[layerOf(fake("app/routes/x.tsx"))]).toContain(layerOf(fake("db/schema/index.ts")));
    expect(FORBIDDEN[layerOf(fake("app/domain/x.ts"))]).toContain(layerOf(fake("app/models/audit.server.ts")));
  });
});
