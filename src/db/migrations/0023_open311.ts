import { type Kysely, sql } from "kysely";

/**
 * Open311 GeoReport v2: the API keys admins hand to civic-tech clients (only a hash is kept; the key
 * is shown once), and which key posted which order with the token the client may look it up by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `CREATE TABLE open311_keys (
    id serial PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    key_hash text NOT NULL UNIQUE,
    key_hint text NOT NULL,
    created_by integer REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
  )`,
  `CREATE TABLE open311_requests (
    order_id bigint PRIMARY KEY REFERENCES orders (id),
    key_id integer NOT NULL REFERENCES open311_keys (id),
    token text NOT NULL UNIQUE,
    account_id text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX open311_requests_key ON open311_requests (key_id)`,
];
