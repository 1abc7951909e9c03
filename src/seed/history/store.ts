/**
 * Stores a generated history in one transaction, fast: ids are taken from the sequences up front,
 * order numbers reserved per day in `order_counters`, phones encrypted once per caller, and each table
 * written by a few large `INSERT … SELECT FROM unnest(<one array per column>)` statements — a handful
 * of parameters however many rows, so the statement parses once and the rows go in as arrays. The
 * tables' foreign keys are checked once at the end instead of once per row (see `checkKeysAfter`).
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { compactChinaDate } from "../../platform/calendar/china-time.js";
import { maskPhone, type PhoneVault } from "../../platform/privacy/phone.js";
import { TokenSigner } from "../../platform/privacy/tokens.js";
import type { GeneratedOrder } from "./demand.js";
import type { Caller } from "./people.js";
import type { AssignmentRow, EventRow, ExtensionRow, OrderRow, RatingRow, VisitRow } from "./rows.js";

/** The order number's prefix: 碑林 BL (as intake.ts). */
const ORDER_PREFIX = "BL";

interface Column<R> {
  name: string;
  /** The PostgreSQL type of the column's array. */
  type: string;
  value: (row: R) => unknown;
}

/** Writes rows with one statement. */
async function insertAll<R>(
  trx: Transaction<DB>,
  table: string,
  columns: Column<R>[],
  rows: readonly R[],
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((c) => sql`${rows.map(c.value)}::${sql.raw(c.type)}[]`);
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(
    trx,
  );
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** Orders stored per round of statements. */
const ORDERS_PER_CHUNK = 4000;

/** The tables the history writes. */
const TABLES = [
  "orders",
  "order_events",
  "order_assignments",
  "visits",
  "extension_requests",
  "dispatch_ratings",
];

/**
 * Runs a bulk load with the foreign keys of the tables it writes dropped, then adds them back in the
 * same transaction: PostgreSQL validates every reference with one join per key instead of a lookup per
 * row (the usual bulk-load recipe; three times faster here), and any failure rolls the keys back with
 * the data. The tables are locked meanwhile, so a running server waits for the load to finish.
 */
async function checkKeysAfter(trx: Transaction<DB>, load: () => Promise<void>): Promise<void> {
  const { rows: keys } = await sql<{ table: string; name: string; definition: string }>`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint
    WHERE contype = 'f' AND conrelid = ANY(${TABLES}::regclass[])
    ORDER BY conrelid::regclass::text, conname`.execute(trx);
  for (const key of keys)
    await sql`ALTER TABLE ${sql.table(key.table)} DROP CONSTRAINT ${sql.ref(key.name)}`.execute(trx);
  await load();
  for (const key of keys)
    await sql`ALTER TABLE ${sql.table(key.table)} ADD CONSTRAINT ${sql.ref(key.name)} ${sql.raw(key.definition)}`.execute(
      trx,
    );
}

/** What the stored rows need that only the database (ids, serials) or the secrets (phones, tokens) give. */
interface Identities {
  orderIds: string[];
  orderNos: string[];
  extensionIds: Map<ExtensionRow, string>;
  phones: Map<Caller, { cipher: string; hash: string; masked: string }>;
  tokens: TokenSigner;
}

/**
 * Stores the history; returns how many rows went into each table. `keys: "after"` (a whole year in one
 * load) checks the foreign keys once at the end (see checkKeysAfter); "per row" (the background fill's
 * weeks) lets PostgreSQL check them as rows arrive: adding a key back validates the whole table, so
 * week after week that grew with the year (and locked the tables against the server's readers).
 */
export async function storeHistory(
  db: Kysely<DB>,
  vault: PhoneVault,
  tokens: TokenSigner,
  orders: readonly GeneratedOrder[],
  options: { keys: "after" | "per row" } = { keys: "after" },
): Promise<Record<string, number>> {
  const counts = { orders: 0, events: 0, assignments: 0, visits: 0, extensions: 0, ratings: 0 };
  if (orders.length === 0) return counts;
  await db.transaction().execute(async (trx) => {
    const extensions = orders.flatMap((o) => o.timeline.extensions);
    const extensionIds = await nextIds(trx, "extension_requests", extensions.length);
    const ids: Identities = {
      orderIds: await nextIds(trx, "orders", orders.length),
      orderNos: await reserveOrderNumbers(trx, orders),
      extensionIds: new Map(extensions.map((e, i) => [e, extensionIds[i]])),
      phones: encryptPhones(vault, orders),
      tokens,
    };
    // Events arrive chained (see insertChainedEvents) instead of through the insert trigger row by row.
    await sql`SELECT set_config('minhu.chain', 'deferred', true)`.execute(trx);
    await sql`CREATE TEMP TABLE staged_events (LIKE order_events INCLUDING DEFAULTS) ON COMMIT DROP`.execute(
      trx,
    );
    const load = async () => {
      // A few thousand orders at a time: statements of tens of thousands of rows, one chunk's arrays in memory.
      for (let start = 0; start < orders.length; start += ORDERS_PER_CHUNK) {
        const stored = await storeChunk(trx, ids, orders.slice(start, start + ORDERS_PER_CHUNK));
        for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += stored[key];
      }
    };
    if (options.keys === "after") await checkKeysAfter(trx, load);
    else await load();
    await sql`SELECT set_config('minhu.chain', '', true)`.execute(trx);
  });
  return counts;
}

async function storeChunk(trx: Transaction<DB>, ids: Identities, chunk: readonly GeneratedOrder[]) {
  const owned = <T>(pick: (o: GeneratedOrder) => readonly T[]) =>
    chunk.flatMap((o) => pick(o).map((row) => ({ orderId: ids.orderIds[o.index], row })));
  const events = owned((o) => o.timeline.events);
  const extensions = owned((o) => o.timeline.extensions);
  const assignments = owned((o) => o.timeline.assignments);
  const visits = owned((o) => o.timeline.visits);
  const ratings = owned((o) => o.timeline.ratings);
  await insertAll(trx, "orders", orderColumns(ids), chunk);
  await insertChainedEvents(trx, eventColumns(ids), events);
  await insertAll(trx, "extension_requests", extensionColumns(ids), extensions);
  await insertAll(trx, "order_assignments", assignmentColumns, assignments);
  await insertAll(trx, "visits", visitColumns(ids), visits);
  await insertAll(trx, "dispatch_ratings", ratingColumns, ratings);
  return {
    orders: chunk.length,
    events: events.length,
    extensions: extensions.length,
    assignments: assignments.length,
    visits: visits.length,
    ratings: ratings.length,
  };
}

/**
 * Writes a chunk's events with their hash chains (migration 0012): staged in a temporary table (which
 * gives them their ids and defaults), then moved with each order's chain computed by the database's
 * `minhu_chain` window aggregate — the same hash the insert trigger computes, in one sorted pass.
 */
async function insertChainedEvents(
  trx: Transaction<DB>,
  columns: Column<Owned<EventRow>>[],
  events: readonly Owned<EventRow>[],
): Promise<void> {
  await insertAll(trx, "staged_events", columns, events);
  await sql`INSERT INTO order_events (id, order_id, action, from_state, to_state, actor_id, actor_role,
      unit_id, note, data, at, hash, prev_hash)
    SELECT id, order_id, action, from_state, to_state, actor_id, actor_role, unit_id, note, data, at,
      hash, lag(hash) OVER (PARTITION BY order_id ORDER BY id)
    FROM (
      SELECT id, order_id, action, from_state, to_state, actor_id, actor_role, unit_id, note, data, at,
        minhu_chain(minhu_event_content(id, order_id, action, from_state, to_state, actor_id,
          actor_role, unit_id, note, data, at)) OVER (PARTITION BY order_id ORDER BY id) AS hash
      FROM staged_events
    ) running`.execute(trx);
  await sql`TRUNCATE staged_events`.execute(trx);
}

/** `count` fresh ids from a table's sequence (not necessarily consecutive on a busy server). */
async function nextIds(trx: Transaction<DB>, table: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await sql<{
    id: string;
  }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::text AS id FROM generate_series(1, ${count})`.execute(
    trx,
  );
  return rows.map((r) => r.id);
}

/**
 * BL + yyyymmdd + serial, serials taken from each day's counter in one statement, so demands that
 * arrive meanwhile through intake never get the same number.
 */
async function reserveOrderNumbers(
  trx: Transaction<DB>,
  orders: readonly GeneratedOrder[],
): Promise<string[]> {
  const days = orders.map((o) => compactChinaDate(o.timeline.row.created_at));
  const perDay = new Map<string, number>();
  for (const day of days) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  if (perDay.size === 0) return [];
  const { rows } = await sql<{ day: string; last_serial: number }>`
    INSERT INTO order_counters (day, last_serial)
    SELECT * FROM unnest(${[...perDay.keys()]}::text[], ${[...perDay.values()]}::int[])
    ON CONFLICT (day) DO UPDATE SET last_serial = order_counters.last_serial + excluded.last_serial
    RETURNING day, last_serial`.execute(trx);
  const next = new Map(rows.map((r) => [r.day, r.last_serial - (perDay.get(r.day) ?? 0)]));
  return days.map((day) => {
    const serial = (next.get(day) ?? 0) + 1;
    next.set(day, serial);
    return `${ORDER_PREFIX}${day}${String(serial).padStart(4, "0")}`;
  });
}

/** One encryption per distinct caller: a regular's demands share the ciphertext, as the same phone would. */
function encryptPhones(vault: PhoneVault, orders: readonly GeneratedOrder[]): Identities["phones"] {
  const phones: Identities["phones"] = new Map();
  for (const { caller } of orders) {
    if (caller && !phones.has(caller))
      phones.set(caller, {
        cipher: vault.encrypt(caller.phone),
        hash: vault.lookupHash(caller.phone),
        masked: maskPhone(caller.phone),
      });
  }
  return phones;
}

function orderColumns(ids: Identities): Column<GeneratedOrder>[] {
  const row = (o: GeneratedOrder): OrderRow => o.timeline.row;
  const phone = (o: GeneratedOrder) => (o.caller ? ids.phones.get(o.caller) : undefined);
  const text = (name: keyof OrderRow): Column<GeneratedOrder> => ({
    name,
    type: "text",
    value: (o) => row(o)[name],
  });
  const instant = (name: keyof OrderRow): Column<GeneratedOrder> => ({
    name,
    type: "timestamptz",
    value: (o) => iso(row(o)[name] as Date | null),
  });
  const integer = (name: keyof OrderRow): Column<GeneratedOrder> => ({
    name,
    type: "int",
    value: (o) => row(o)[name],
  });
  return [
    { name: "id", type: "bigint", value: (o) => ids.orderIds[o.index] },
    { name: "order_no", type: "text", value: (o) => ids.orderNos[o.index] },
    text("channel"),
    { name: "channel_fields", type: "jsonb", value: (o) => JSON.stringify(row(o).channel_fields) },
    text("demand_type"),
    text("category_code"),
    { name: "urgent", type: "boolean", value: (o) => row(o).urgent },
    text("ledger"),
    text("title"),
    text("content"),
    text("terms"),
    text("address"),
    { name: "lng", type: "float8", value: (o) => row(o).lng },
    { name: "lat", type: "float8", value: (o) => row(o).lat },
    text("region_code"),
    text("grid_code"),
    text("community_code"),
    text("street_code"),
    text("caller_name"),
    { name: "caller_phone_cipher", type: "text", value: (o) => phone(o)?.cipher ?? null },
    { name: "caller_phone_hash", type: "text", value: (o) => phone(o)?.hash ?? null },
    { name: "caller_phone_masked", type: "text", value: (o) => phone(o)?.masked ?? null },
    { name: "confidential", type: "boolean", value: (o) => row(o).confidential },
    integer("submitted_by"),
    integer("resident_id"),
    text("state"),
    text("handling_level"),
    text("holder_region_code"),
    integer("main_unit_id"),
    { name: "route", type: "jsonb", value: (o) => JSON.stringify(row(o).route) },
    integer("version"),
    {
      name: "merged_into_id",
      type: "bigint",
      value: (o) => (row(o).merged_into === null ? null : ids.orderIds[row(o).merged_into as number]),
    },
    { name: "solved_on_spot", type: "boolean", value: (o) => row(o).solved_on_spot },
    text("disposition"),
    text("reply_text"),
    ...(
      [
        "accepted_at",
        "dispatched_at",
        "signed_at",
        "replied_at",
        "closed_at",
        "response_due_at",
        "handling_due_at",
        "original_handling_due_at",
      ] as const
    ).map(instant),
    text("warning_level"),
    instant("supervised_at"),
    integer("reopen_count"),
    integer("return_count"),
    integer("urge_count"),
    instant("created_at"),
    instant("updated_at"),
  ];
}

type Owned<R> = { orderId: string; row: R };

function eventColumns(ids: Identities): Column<Owned<EventRow>>[] {
  /** The event's data with the ids known only now: the order merged into, the extension request. */
  const data = ({ row }: Owned<EventRow>) => {
    const target = row.refs?.targetOrder;
    const extension = row.refs?.extension;
    return JSON.stringify({
      ...(extension ? { requestId: ids.extensionIds.get(extension) } : {}),
      ...row.data,
      ...(target !== undefined
        ? { targetOrderId: ids.orderIds[target], targetOrderNo: ids.orderNos[target] }
        : {}),
    });
  };
  return [
    { name: "order_id", type: "bigint", value: (e) => e.orderId },
    { name: "action", type: "text", value: (e) => e.row.action },
    { name: "from_state", type: "text", value: (e) => e.row.from_state },
    { name: "to_state", type: "text", value: (e) => e.row.to_state },
    { name: "actor_id", type: "int", value: (e) => e.row.actor_id },
    { name: "actor_role", type: "text", value: (e) => e.row.actor_role },
    { name: "unit_id", type: "int", value: (e) => e.row.unit_id },
    { name: "note", type: "text", value: (e) => e.row.note },
    { name: "data", type: "jsonb", value: data },
    { name: "at", type: "timestamptz", value: (e) => iso(e.row.at) },
  ];
}

function extensionColumns(ids: Identities): Column<Owned<ExtensionRow>>[] {
  return [
    { name: "id", type: "bigint", value: (e) => ids.extensionIds.get(e.row) },
    { name: "order_id", type: "bigint", value: (e) => e.orderId },
    { name: "unit_id", type: "int", value: (e) => e.row.unit_id },
    { name: "requested_by", type: "int", value: (e) => e.row.requested_by },
    { name: "working_days", type: "int", value: (e) => e.row.working_days },
    { name: "reason", type: "text", value: (e) => e.row.reason },
    { name: "state", type: "text", value: (e) => e.row.state },
    { name: "decided_by", type: "int", value: (e) => e.row.decided_by },
    { name: "decided_at", type: "timestamptz", value: (e) => iso(e.row.decided_at) },
    { name: "decision_note", type: "text", value: (e) => e.row.decision_note },
    { name: "created_at", type: "timestamptz", value: (e) => iso(e.row.created_at) },
  ];
}

const assignmentColumns: Column<Owned<AssignmentRow>>[] = [
  { name: "order_id", type: "bigint", value: (a) => a.orderId },
  { name: "unit_id", type: "int", value: (a) => a.row.unit_id },
  { name: "role", type: "text", value: (a) => a.row.role },
  { name: "assigned_at", type: "timestamptz", value: (a) => iso(a.row.assigned_at) },
  { name: "signed_at", type: "timestamptz", value: (a) => iso(a.row.signed_at) },
  { name: "replied_at", type: "timestamptz", value: (a) => iso(a.row.replied_at) },
  { name: "ended_at", type: "timestamptz", value: (a) => iso(a.row.ended_at) },
  { name: "end_reason", type: "text", value: (a) => a.row.end_reason },
];

function visitColumns(ids: Identities): Column<Owned<VisitRow>>[] {
  return [
    { name: "order_id", type: "bigint", value: (v) => v.orderId },
    { name: "round", type: "int", value: (v) => v.row.round },
    // The caller's rating link works for history visits too (visits/service.ts `openVisits`).
    {
      name: "token_hash",
      type: "text",
      value: (v) => TokenSigner.hash(ids.tokens.visitToken(v.orderId, v.row.round)),
    },
    { name: "state", type: "text", value: (v) => v.row.state },
    { name: "method", type: "text", value: (v) => v.row.method },
    { name: "solved", type: "text", value: (v) => v.row.solved },
    { name: "satisfied", type: "text", value: (v) => v.row.satisfied },
    { name: "comment", type: "text", value: (v) => v.row.comment },
    { name: "visited_by", type: "int", value: (v) => v.row.visited_by },
    { name: "visited_at", type: "timestamptz", value: (v) => iso(v.row.visited_at) },
    { name: "created_at", type: "timestamptz", value: (v) => iso(v.row.created_at) },
  ];
}

const ratingColumns: Column<Owned<RatingRow>>[] = [
  { name: "order_id", type: "bigint", value: (r) => r.orderId },
  { name: "unit_id", type: "int", value: (r) => r.row.unit_id },
  { name: "right_unit", type: "boolean", value: (r) => r.row.right_unit },
  { name: "reasonable", type: "boolean", value: (r) => r.row.reasonable },
  { name: "rated_by", type: "int", value: (r) => r.row.rated_by },
  { name: "created_at", type: "timestamptz", value: (r) => iso(r.row.created_at) },
];
