import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/database.js";
import { PhoneVault } from "../../src/platform/privacy/phone.js";
import { seedDemoGridWorkers } from "../../src/seed/demo-accounts.js";
import { prepareDatabase } from "../../src/server/bootstrap.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The key the prepared database's phones are encrypted with (hex). */
    preparedKey: string;
    /** PGlite: a dump of the prepared database; a server: the template database's name. */
    prepared: string;
  }
}

/**
 * Migrates and seeds one database (reference data, demo accounts) for the whole run; each test
 * file's app then starts from a copy of it (a PGlite dump, or a server template database) instead of
 * running initdb, the migrations and the seed again: seconds per file on two cores.
 */
export default async function setup(project: TestProject) {
  const key = randomBytes(32);
  const serverUrl = process.env.DATABASE_URL;
  project.provide("preparedKey", key.toString("hex"));
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory://" });
    await prepareDatabase(database, new PhoneVault(key), { demo: true });
    await seedDemoGridWorkers(database.db, new PhoneVault(key));
    const dump = await database.snapshot?.();
    if (!dump) throw new Error("PGlite gives a snapshot");
    await database.close();
    const file = join(tmpdir(), `minhu-test-prepared-${process.pid}.tar`);
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("prepared", file);
    return () => rm(file, { force: true });
  }
  const template = `minhu_test_template_${process.pid}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  await prepareDatabase(database, new PhoneVault(key), { demo: true });
  await seedDemoGridWorkers(database.db, new PhoneVault(key));
  await database.close();
  project.provide("prepared", template);
  return () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
