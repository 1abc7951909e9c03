import { timingSafeEqual } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";

/** Makes an anchor's MAC under the server secret (TokenSigner.anchorMac). */
export type AnchorSigner = { anchorMac(text: string): string };

/** What an anchor vouches for: the chains' heads up to a point. */
export interface ChainHeads {
  auditLastId: string | null;
  auditLastHash: string | null;
  eventsLastId: string | null;
  /** SHA-256 over every order's last event hash (up to eventsLastId), in order id order. */
  eventsDigest: string;
  orders: number;
}

/** The text an anchor's MAC covers: its moment and the heads, in a fixed order. */
export function anchorText(at: Date, heads: ChainHeads): string {
  return [
    "minhu-anchor-v1",
    at.toISOString(),
    heads.auditLastId ?? "",
    heads.auditLastHash ?? "",
    heads.eventsLastId ?? "",
    heads.eventsDigest,
    String(heads.orders),
  ].join("|");
}

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The newest event id every writer has committed up to: taken under a SHARE lock, which waits for
 * transactions writing events to finish and holds new ones back before they draw an id, so no event
 * at or below it can appear later. Held only for this one read.
 */
async function settledEventId(db: Kysely<DB>): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE order_events IN SHARE MODE`.execute(trx);
    const { rows } = await sql<{ id: string | null }>`SELECT max(id)::text AS id FROM order_events`.execute(
      trx,
    );
    return rows[0]?.id ?? null;
  });
}

/** The heads of every order's history up to an event id, and the audit log's entry with an id. */
async function headsAt(db: Kysely<DB>, eventsLastId: string | null, auditLastId: string | null) {
  const { rows } = await sql<{ digest: string; orders: number }>`
    SELECT encode(sha256(convert_to(coalesce(string_agg(order_id || ':' || coalesce(hash, ''), ','
        ORDER BY order_id), ''), 'UTF8')), 'hex') AS digest, count(*)::int AS orders
    FROM (SELECT DISTINCT ON (order_id) order_id, hash FROM order_events
      WHERE id <= ${eventsLastId ?? "0"}::bigint ORDER BY order_id, id DESC) heads`.execute(db);
  const audit = auditLastId
    ? await db.selectFrom("audit_log").select("hash").where("id", "=", auditLastId).executeTakeFirst()
    : undefined;
  return { eventsDigest: rows[0].digest, orders: rows[0].orders, auditHash: audit?.hash ?? null };
}

/**
 * Records an anchor of the chains as they are now (the audit log's ids follow its chain, 0012). It
 * refuses while the chains do not match the last genuine anchor, so that an anchor never vouches for
 * a rewrite and checking the newest one is enough.
 */
export async function writeAnchor(db: Kysely<DB>, signer: AnchorSigner, at: Date): Promise<void> {
  const { problems } = await verifyAnchors(db, signer);
  if (problems.length > 0)
    throw new Error(`not anchoring: ${problems.map(describeAnchorProblem).join("; ")} (run minhu verify)`);
  const eventsLastId = await settledEventId(db);
  const lastAudit = await db
    .selectFrom("audit_log")
    .select(["id", "hash"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const found = await headsAt(db, eventsLastId, null);
  const heads: ChainHeads = {
    auditLastId: lastAudit ? String(lastAudit.id) : null,
    auditLastHash: lastAudit?.hash ?? null,
    eventsLastId,
    eventsDigest: found.eventsDigest,
    orders: found.orders,
  };
  await db
    .insertInto("chain_anchors")
    .values({
      at,
      audit_last_id: heads.auditLastId,
      audit_last_hash: heads.auditLastHash,
      events_last_id: heads.eventsLastId,
      events_digest: heads.eventsDigest,
      orders: heads.orders,
      mac: signer.anchorMac(anchorText(at, heads)),
    })
    .execute();
}

/** What the anchors say is wrong. */
export interface AnchorProblem {
  anchorId: string;
  at: Date;
  /** forged: the anchor's MAC fails; audit_changed / history_changed: entries before it were rewritten or removed. */
  kind: "forged" | "audit_changed" | "history_changed";
}

/** Checks every anchor's MAC, and the chains against the newest genuine anchor. */
export async function verifyAnchors(
  db: Kysely<DB>,
  signer: AnchorSigner,
): Promise<{ problems: AnchorProblem[]; latest: Date | null }> {
  const anchors = await db.selectFrom("chain_anchors").selectAll().orderBy("id").execute();
  const problems: AnchorProblem[] = [];
  let latest: (typeof anchors)[number] | undefined;
  for (const anchor of anchors) {
    const heads: ChainHeads = {
      auditLastId: anchor.audit_last_id === null ? null : String(anchor.audit_last_id),
      auditLastHash: anchor.audit_last_hash,
      eventsLastId: anchor.events_last_id === null ? null : String(anchor.events_last_id),
      eventsDigest: anchor.events_digest,
      orders: anchor.orders,
    };
    const at = new Date(anchor.at);
    if (!sameMac(anchor.mac, signer.anchorMac(anchorText(at, heads))))
      problems.push({ anchorId: String(anchor.id), at, kind: "forged" });
    else latest = anchor;
  }
  if (!latest) return { problems, latest: null };
  const at = new Date(latest.at);
  const now = await headsAt(
    db,
    latest.events_last_id === null ? null : String(latest.events_last_id),
    latest.audit_last_id === null ? null : String(latest.audit_last_id),
  );
  if (latest.audit_last_id !== null && now.auditHash !== latest.audit_last_hash)
    problems.push({ anchorId: String(latest.id), at, kind: "audit_changed" });
  if (now.eventsDigest !== latest.events_digest || now.orders !== latest.orders)
    problems.push({ anchorId: String(latest.id), at, kind: "history_changed" });
  return { problems, latest: at };
}

/** One line per problem, for the command line. */
export function describeAnchorProblem(problem: AnchorProblem): string {
  const anchor = `anchor ${problem.anchorId} (${problem.at.toISOString()})`;
  return {
    forged: `${anchor} does not carry the server's signature (forged or altered)`,
    audit_changed: `audit log: entries up to ${anchor} were rewritten or removed`,
    history_changed: `order history: events up to ${anchor} were rewritten or removed`,
  }[problem.kind];
}
