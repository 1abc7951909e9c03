import { cpSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { type Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema.js";
import { GuardedKysely, guardedDialect } from "./transaction-guard.js";

// DATE columns stay "YYYY-MM-DD" strings: a JS Date would shift them by the server's time zone.
pg.types.setTypeParser(1082, (value) => value);

/**
 * How long a query waits for a free connection before failing: a pool that is exhausted (or a
 * transaction that never ends) gives an error instead of a request that hangs.
 */
export const CONNECTION_TIMEOUT_MS = 30_000;

export type Listener = (payload: string) => void;

/** One Kysely over either an embedded PGlite or a PostgreSQL server, plus LISTEN for live events. */
export interface Database {
  db: Kysely<DB>;
  kind: "pglite" | "postgres";
  /** Subscribes to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, listener: Listener): Promise<() => Promise<void>>;
  /** PGlite only: the whole data folder as an uncompressed tar, to open a copy from (`startFrom`). */
  snapshot?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite's folder, or "memory://" for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: a new database starts as a copy of this snapshot instead of an empty one. */
  startFrom?: Blob;
}

/** Opens the database named by the options: a server when `url` is set, otherwise embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url
    ? openServer(options.url, options.poolSize ?? 10)
    : openEmbedded(options.dataDir ?? "memory://", options.startFrom);
}

/**
 * What every new embedded data folder holds first, prepared by the build (scripts/ensure-build.mjs):
 * initialised, migrated, with the reference data and the demo places. A first start copies it instead
 * of running initdb, the migrations and that seed, most of a first start; migrations newer than the
 * build still run. Without a build (tests from the sources) a new folder starts empty, as before.
 */
const BASE_DATA_DIR = fileURLToPath(new URL("../../dist/base-pgdata", import.meta.url));

async function openEmbedded(dataDir: string, startFrom?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  const fresh = inMemory || !existsSync(join(dataDir, "PG_VERSION"));
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  if (fresh && !inMemory && !startFrom && existsSync(join(BASE_DATA_DIR, "PG_VERSION")))
    cpSync(BASE_DATA_DIR, dataDir, { recursive: true });
  const initial = fresh ? startFrom : undefined;
  const pglite = await PGlite.create(dataDir, initial ? { loadDataDir: initial } : {});
  const pool = new pg.Pool({
    ...(createPgConfig(pglite) as pg.PoolConfig),
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
  });
  const db = kyselyOver(pool);
  return {
    db,
    kind: "pglite",
    async listen(channel, listener) {
      const unsubscribe = await pglite.listen(channel, listener);
      // PGlite's unsubscribe takes optional arguments; never pass a caller's through by accident.
      return () => unsubscribe();
    },
    snapshot: () => pglite.dumpDataDir("none"),
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openServer(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
  });
  // An idle connection dropped by the server (restart, failover, DROP DATABASE … FORCE) is replaced on
  // the next checkout; without a listener the pool would rethrow it as an uncaught exception.
  pool.on("error", reportConnectionError);
  const db = kyselyOver(pool);
  const notifications = new ServerNotifications(url);
  return {
    db,
    kind: "postgres",
    listen: (channel, listener) => notifications.listen(channel, listener),
    async close() {
      await notifications.close();
      await db.destroy();
    },
  };
}

function kyselyOver(pool: pg.Pool): Kysely<DB> {
  return new GuardedKysely<DB>({ dialect: guardedDialect(new PostgresDialect({ pool })) });
}

/** How long to wait before reconnecting the LISTEN connection: doubling from 0.5 s, at most 30 s. */
const RECONNECT_DELAYS_MS = { first: 500, max: 30_000 };

/**
 * LISTEN on a server needs a connection of its own that never goes back to the pool. When the server
 * drops it (restart, failover, an administrator's pg_terminate_backend), it is opened again and
 * listens on every channel it had, so live events resume without restarting Minhu; notifications
 * sent while it was away are lost (the web app's lists also refresh on a timer).
 */
class ServerNotifications {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: Promise<pg.Client> | null = null;
  private closed = false;

  constructor(private readonly url: string) {}

  async listen(channel: string, listener: Listener): Promise<() => Promise<void>> {
    const client = await this.connected();
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    set.add(listener);
    const listeners = set;
    return async () => {
      listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = await this.client?.catch(() => null);
    await client?.end();
  }

  private connected(): Promise<pg.Client> {
    this.client ??= this.connect().catch((error) => {
      this.client = null;
      throw error;
    });
    return this.client;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("error", reportConnectionError);
    client.on("notification", (message) => {
      for (const listener of this.listeners.get(message.channel) ?? []) listener(message.payload ?? "");
    });
    client.on("end", () => {
      if (this.closed) return;
      this.client = null;
      this.reconnect(RECONNECT_DELAYS_MS.first);
    });
    await client.connect();
    for (const channel of this.listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return client;
  }

  private reconnect(delayMs: number): void {
    const timer = setTimeout(() => {
      if (this.closed || this.client) return;
      this.connected().then(
        () => console.error("database LISTEN connection restored"),
        () => this.reconnect(Math.min(delayMs * 2, RECONNECT_DELAYS_MS.max)),
      );
    }, delayMs);
    timer.unref();
  }
}

/** 57P01 is the server ending a connection on purpose (shutdown, a dropped database): expected, not news. */
function reportConnectionError(error: Error & { code?: string }): void {
  if (error.code !== "57P01") console.error(`database connection lost: ${error.message}`);
}
