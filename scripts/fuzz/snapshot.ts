import { type Kysely, sql } from "kysely";
import type { DB } from "../../src/db/schema.js";

/** The state of the database the fuzz must not change: row counts of every table, checksums of orders. */
export interface Snapshot {
  rows: Map<string, number>;
  /** md5 of every row of a table, in primary-key order, as PostgreSQL prints it. */
  checksums: Map<string, string>;
}

const CHECKSUMMED = ["orders", "order_events"] as const;

export async function takeSnapshot(db: Kysely<DB>): Promise<Snapshot> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const rows = new Map<string, number>();
  for (const { name } of tables.rows) {
    const count = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    rows.set(name, Number(count.rows[0].n));
  }
  const checksums = new Map<string, string>();
  for (const name of CHECKSUMMED) {
    const sum = await sql<{ md5: string | null }>`
      select md5(coalesce(string_agg(t::text, E'\n' order by t.id), '')) as md5 from ${sql.table(name)} t`.execute(
      db,
    );
    checksums.set(name, sum.rows[0].md5 ?? "");
  }
  return { rows, checksums };
}

/**
 * What a rejected request may leave behind by design: a failed guess is the throttle's counter
 * (attempts) and a failed sign-in is audited; an export that answered is audited too.
 */
export async function byDesignSince(db: Kysely<DB>, since: Date): Promise<Map<string, number>> {
  const kinds = new Map<string, number>();
  const attempts = await db
    .selectFrom("attempts")
    .select(["kind", "outcome", (eb) => eb.fn.countAll<string>().as("n")])
    .where("at", ">=", since)
    .groupBy(["kind", "outcome"])
    .execute();
  for (const a of attempts) kinds.set(`attempts ${a.kind} ${a.outcome}`, Number(a.n));
  const audits = await db
    .selectFrom("audit_log")
    .select(["action", (eb) => eb.fn.countAll<string>().as("n")])
    .where("at", ">=", since)
    .groupBy("action")
    .execute();
  for (const a of audits) kinds.set(`audit_log ${a.action}`, Number(a.n));
  return kinds;
}
