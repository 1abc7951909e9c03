import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const SRC = join(ROOT, "src");

/** A file that registers HTTP routes: named so, or calling app.get("/…"), api.post("/…"), app.route({…}). */
const REGISTERS_ROUTES = /\.(get|post|put|patch|delete|head|options|all)\(\s*["'`]\/|\.route\(\s*\{/;

/** What only a repository or a command may use: Kysely's builders, `sql` templates, transactions, runs. */
const SQL_USES: ReadonlyArray<[string, RegExp]> = [
  ["query builder", /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|with)\(/],
  ["sql template", /\bsql(<[^>]*>)?`|\bsql\.(raw|ref|lit|id|join|table|val)\(/],
  ["transaction", /\.transaction\(\)/],
  ["execute", /\.execute(TakeFirst|TakeFirstOrThrow)?\(/],
  ["kysely import", /from\s+["']kysely["']/],
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Comments may name a builder (to say why it is not here); only code counts. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** Each SQL use in a routes file, as "kind: line". */
function sqlInRoutes(source: string): string[] {
  const code = withoutComments(source);
  return code
    .split("\n")
    .flatMap((line) =>
      SQL_USES.filter(([, pattern]) => pattern.test(line)).map(([kind]) => `${kind}: ${line.trim()}`),
    );
}

function isRoutesFile(path: string, source: string): boolean {
  return /(^|[-/])routes\.ts$/.test(path) || REGISTERS_ROUTES.test(withoutComments(source));
}

describe("routes call repositories and commands, never SQL", () => {
  it("finds every kind of SQL use in a routes file", () => {
    const routes = [
      'import { sql } from "kysely";',
      'app.get("/api/x", async () => ctx.db.selectFrom("orders").selectAll().execute());',
      'await ctx.db.transaction().execute(async (trx) => trx.deleteFrom("sessions"));',
      "const n = await sql`SELECT 1`.execute(ctx.db);",
      "// ctx.db.updateTable is not used here",
    ].join("\n");
    expect(sqlInRoutes(routes).map((use) => use.split(":")[0])).toEqual([
      "kysely import",
      "query builder",
      "execute",
      "query builder",
      "transaction",
      "execute",
      "sql template",
      "execute",
    ]);
  });

  it("holds for every file under src/ that registers HTTP routes", () => {
    const offenders = sourceFiles(SRC)
      .map((path) => ({ path, source: readFileSync(path, "utf8") }))
      .filter(({ path, source }) => isRoutesFile(path, source))
      .flatMap(({ path, source }) => sqlInRoutes(source).map((use) => `${relative(ROOT, path)}: ${use}`));
    expect(offenders).toEqual([]);
  });

  it("looks at the route registrations it should", () => {
    const routes = sourceFiles(SRC).filter((path) => isRoutesFile(path, readFileSync(path, "utf8")));
    expect(routes.length).toBeGreaterThan(25);
    expect(routes.map((path) => relative(SRC, path))).toEqual(
      expect.arrayContaining(["http/app.ts", "http/events.ts", "modules/orders/routes.ts"]),
    );
  });
});
