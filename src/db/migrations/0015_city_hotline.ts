import { type Kysely, sql } from "kysely";

/**
 * 12345 接入 The city hotline platform in and out. In: column mappings per export source, import
 * runs with their progress and the rows a person must look at (bad rows, addresses the gazetteer
 * could not place), the link from a 12345 work-order number to its order (what makes a re-import
 * change nothing), and the nonces of signed pushes (replay protection). Out: the outbox, written in
 * the transaction of the change it reports and delivered by a job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `CREATE TABLE city_sources (
    name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
    mapping jsonb NOT NULL,
    updated_by integer REFERENCES users (id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE city_imports (
    id bigserial PRIMARY KEY,
    source text NOT NULL,
    file_name text NOT NULL,
    format text NOT NULL CHECK (format IN ('xlsx', 'csv')),
    content bytea,
    dry_run boolean NOT NULL,
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    rows_total integer,
    rows_done integer NOT NULL DEFAULT 0,
    created integer NOT NULL DEFAULT 0,
    updated integer NOT NULL DEFAULT 0,
    unchanged integer NOT NULL DEFAULT 0,
    unplaced integer NOT NULL DEFAULT 0,
    invalid integer NOT NULL DEFAULT 0,
    error text,
    created_by integer NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    locked_until timestamptz
  )`,
  `CREATE TABLE city_import_problems (
    id bigserial PRIMARY KEY,
    import_id bigint REFERENCES city_imports (id) ON DELETE CASCADE,
    row_no integer,
    work_order_no text,
    kind text NOT NULL CHECK (kind IN ('invalid', 'unplaced')),
    reason text NOT NULL,
    detail text,
    record jsonb,
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'placed', 'superseded')),
    order_id bigint REFERENCES orders (id),
    placed_by integer REFERENCES users (id),
    placed_at timestamptz
  )`,
  `CREATE INDEX city_import_problems_import ON city_import_problems (import_id, row_no)`,
  // One open placement task per work order, however often the same export is imported.
  `CREATE UNIQUE INDEX city_import_problems_open ON city_import_problems (work_order_no)
    WHERE kind = 'unplaced' AND state = 'open'`,
  `CREATE TABLE city_work_orders (
    work_order_no text PRIMARY KEY,
    order_id bigint NOT NULL UNIQUE REFERENCES orders (id),
    row_hash text NOT NULL,
    source text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE city_push_nonces (
    nonce text PRIMARY KEY,
    at timestamptz NOT NULL
  )`,
  `CREATE TABLE outbox_messages (
    id bigserial PRIMARY KEY,
    topic text NOT NULL,
    order_id bigint REFERENCES orders (id),
    idempotency_key text NOT NULL UNIQUE,
    payload jsonb NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz
  )`,
  `CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at) WHERE state = 'pending'`,
  `CREATE INDEX outbox_messages_state ON outbox_messages (state, id)`,
  `CREATE INDEX outbox_messages_order ON outbox_messages (order_id, id)`,
];
