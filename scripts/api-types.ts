/**
 * The web client's API types, generated from the server's own OpenAPI document (@fastify/swagger)
 * by openapi-typescript, so a change to a route's schema breaks the web typecheck instead of
 * drifting from it.
 *   npm run api:types            rewrite web/src/api/schema.d.ts
 *   npm run api:types -- --check fail when the committed file differs from what the schema produces (CI)
 * The app is built in-process over an empty, migrated embedded database, never listening.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { buildApp } from "../src/http/app.js";
import { createContext } from "../src/server/bootstrap.js";

const SCHEMA_FILE = fileURLToPath(new URL("../web/src/api/schema.d.ts", import.meta.url));
const BANNER = `/**
 * Generated from the server's OpenAPI document by openapi-typescript: do not edit.
 * Run \`npm run api:types\` after changing a route's schema; CI runs it with --check.
 */

`;

/** The OpenAPI document the running server serves at /api/docs/json. */
async function openApiDocument() {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    // The routes' schemas need the tables, not their rows: migrations only, no reference data.
    await migrateToLatest(database.db);
    const secretKey = randomBytes(32);
    const ctx = await createContext(database, { secretKey, tileUrl: null, tileAttribution: null });
    const app = await buildApp(ctx);
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}

async function generate(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as unknown as OpenAPI3, {
    exportType: true,
    alphabetize: true,
  });
  return BANNER + astToString(ast);
}

const expected = await generate();
if (process.argv.includes("--check")) {
  const actual = readFileSync(SCHEMA_FILE, "utf8");
  if (actual !== expected) {
    console.error(`${SCHEMA_FILE} differs from the server's OpenAPI document: run npm run api:types`);
    process.exit(1);
  }
  console.log(`${SCHEMA_FILE} matches the server's OpenAPI document`);
} else {
  writeFileSync(SCHEMA_FILE, expected);
  console.log(`wrote ${SCHEMA_FILE}`);
}
