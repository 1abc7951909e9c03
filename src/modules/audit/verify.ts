import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";

/** A place where a hash chain does not hold. */
export interface ChainBreak {
  /** "event": an order's history; "audit": the audit log. */
  chain: "event" | "audit";
  orderId: string | null;
  /** The first entry that does not verify. */
  id: string;
  /**
   * altered: the entry's content no longer gives its hash; removed: its link does not meet the entry
   * before it (one was deleted, or the one before was altered and re-hashed); unchained: it has no hash;
   * truncated: the order's state is not the state its last event left it in (latest events deleted).
   */
  kind: "altered" | "removed" | "unchained" | "truncated";
  /** The entry still present before it, if any. */
  previousId: string | null;
}

interface Row {
  id: string;
  order_id: string | null;
  hash: string | null;
  prev_hash: string | null;
  expected: string | null;
  before_hash: string | null;
  before_id: string | null;
}

function classify(chain: ChainBreak["chain"], row: Row): ChainBreak {
  const kind = row.hash === null ? "unchained" : row.hash !== row.expected ? "altered" : "removed";
  return { chain, orderId: row.order_id, id: String(row.id), kind, previousId: row.before_id };
}

/**
 * The first break of every order's event chain: recomputes each event's hash from its content and
 * stored link (the database's own function, the one the insert trigger uses) and checks each link
 * against the hash of the event before it. Also flags orders whose state differs from the state their
 * last event recorded — what deleting the latest events leaves behind.
 */
export async function verifyEventChains(db: Kysely<DB>): Promise<ChainBreak[]> {
  const { rows } = await sql<Row>`
    SELECT DISTINCT ON (order_id) id, order_id, hash, prev_hash, expected, before_hash, before_id
    FROM (
      SELECT e.id, e.order_id, e.hash, e.prev_hash, minhu_event_hash(e, e.prev_hash) AS expected,
        lag(e.hash) OVER w AS before_hash, lag(e.id) OVER w AS before_id
      FROM order_events e
      WINDOW w AS (PARTITION BY e.order_id ORDER BY e.id)
    ) checked
    WHERE hash IS NULL OR hash <> expected OR prev_hash IS DISTINCT FROM before_hash
    ORDER BY order_id, id`.execute(db);
  const breaks = rows.map((row) => classify("event", row));
  const broken = new Set(breaks.map((b) => b.orderId));
  const { rows: truncated } = await sql<{ order_id: string; id: string }>`
    SELECT o.id AS order_id, last.id
    FROM orders o
    JOIN LATERAL (
      SELECT id, to_state FROM order_events WHERE order_id = o.id ORDER BY id DESC LIMIT 1
    ) last ON true
    WHERE last.to_state IS DISTINCT FROM o.state`.execute(db);
  for (const row of truncated)
    if (!broken.has(row.order_id))
      breaks.push({
        chain: "event",
        orderId: row.order_id,
        id: String(row.id),
        kind: "truncated",
        previousId: null,
      });
  return breaks.sort((a, b) => Number(a.orderId) - Number(b.orderId));
}

/** The first break of the audit log's chain, or null when every entry verifies. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainBreak | null> {
  const { rows } = await sql<Row>`
    SELECT id, NULL AS order_id, hash, prev_hash, expected, before_hash, before_id
    FROM (
      SELECT a.id, a.hash, a.prev_hash, minhu_audit_hash(a, a.prev_hash) AS expected,
        lag(a.hash) OVER w AS before_hash, lag(a.id) OVER w AS before_id
      FROM audit_log a
      WINDOW w AS (ORDER BY a.id)
    ) checked
    WHERE hash IS NULL OR hash <> expected OR prev_hash IS DISTINCT FROM before_hash
    ORDER BY id
    LIMIT 1`.execute(db);
  return rows[0] ? classify("audit", rows[0]) : null;
}

/** One line per break, for the command line. */
export function describeBreak(b: ChainBreak): string {
  const where = b.chain === "event" ? `order ${b.orderId}: event ${b.id}` : `audit log: entry ${b.id}`;
  const after = b.previousId ? ` (after ${b.previousId})` : "";
  const what = {
    altered: "altered (its content does not match its hash)",
    removed: `follows a removed or re-hashed entry${after}`,
    unchained: "carries no hash (inserted around the chain)",
    truncated: "is not the order's last recorded state (later events removed)",
  }[b.kind];
  return `${where} ${what}`;
}
