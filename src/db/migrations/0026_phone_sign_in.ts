import { type Kysely, sql } from "kysely";

/**
 * 手机号登录: one-time codes sent by SMS (only an HMAC of each is kept; short-lived, single-use), a
 * throttle kind for guessing them, and a lookup of residents by their phone's hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `CREATE TABLE phone_codes (
    id bigserial PRIMARY KEY,
    phone_hash text NOT NULL,
    code_hash text NOT NULL,
    client text NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX phone_codes_phone ON phone_codes (phone_hash, id DESC)`,
  `CREATE INDEX phone_codes_client ON phone_codes (client, created_at)`,
  `ALTER TABLE attempts DROP CONSTRAINT attempts_kind_check`,
  `ALTER TABLE attempts ADD CONSTRAINT attempts_kind_check
     CHECK (kind IN ('login', 'tracking', 'rating', 'phone_code'))`,
  `CREATE INDEX users_phone ON users (phone_hash) WHERE phone_hash IS NOT NULL`,
];
