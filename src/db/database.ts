import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema.js";

// DATE columns stay "YYYY-MM-DD" strings: a JS Date would shift them by the server's time zone.
pg.types.setTypeParser(1082, (value) => value);

export type Listener = (payload: string) => void;

/** One Kysely over either an embedded PGlite or a PostgreSQL server, plus LISTEN for live events. */
export interface Database {
  db: Kysely<DB>;
  kind: "pglite" | "postgres";
  /** Subscribes to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, listener: Listener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite's folder, or "memory://" for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
}

/** Opens the database named by the options: a server when `url` is set, otherwise embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url
    ? openServer(options.url, options.poolSize ?? 10)
    : openEmbedded(options.dataDir ?? "memory://");
}

async function openEmbedded(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    async listen(channel, listener) {
      const unsubscribe = await pglite.listen(channel, listener);
      // PGlite's unsubscribe takes optional arguments; never pass a caller's through by accident.
      return () => unsubscribe();
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openServer(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection dropped by the server (restart, failover, DROP DATABASE … FORCE) is replaced on
  // the next checkout; without a listener the pool would rethrow it as an uncaught exception.
  pool.on("error", reportConnectionError);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  // LISTEN needs a connection of its own that never goes back to the pool.
  let listenClient: pg.Client | null = null;
  const listeners = new Map<string, Set<Listener>>();
  async function ensureListenClient(): Promise<pg.Client> {
    if (listenClient) return listenClient;
    const client = new pg.Client({ connectionString: url });
    client.on("error", reportConnectionError);
    await client.connect();
    client.on("notification", (message) => {
      for (const listener of listeners.get(message.channel) ?? []) listener(message.payload ?? "");
    });
    listenClient = client;
    return client;
  }
  return {
    db,
    kind: "postgres",
    async listen(channel, listener) {
      const client = await ensureListenClient();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(listener);
      return async () => {
        set.delete(listener);
      };
    },
    async close() {
      await listenClient?.end();
      await db.destroy();
    },
  };
}

/** 57P01 is the server ending a connection on purpose (shutdown, a dropped database): expected, not news. */
function reportConnectionError(error: Error & { code?: string }): void {
  if (error.code !== "57P01") console.error(`database connection lost: ${error.message}`);
}
