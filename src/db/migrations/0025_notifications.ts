import { type Kysely, sql } from "kysely";

/**
 * 消息通知: the staff's in-app notifications (铃铛), each user's preferences (which events, which
 * channels, quiet hours, language, contact addresses), and the log provider's record of what it
 * "sent" — the embedded default, which an administrator reads in the app instead of a gateway.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `CREATE TABLE notifications (
    id bigserial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id),
    event text NOT NULL,
    params jsonb NOT NULL DEFAULT '{}',
    order_id bigint REFERENCES orders (id),
    urgent boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at timestamptz
  )`,
  `CREATE INDEX notifications_user ON notifications (user_id, id DESC)`,
  `CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`,
  `CREATE TABLE notification_preferences (
    user_id integer PRIMARY KEY REFERENCES users (id),
    muted_events text[] NOT NULL DEFAULT '{}',
    channels text[] NOT NULL DEFAULT '{inapp}',
    quiet_from smallint CHECK (quiet_from BETWEEN 0 AND 1439),
    quiet_until smallint CHECK (quiet_until BETWEEN 0 AND 1439),
    locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en-US')),
    email text,
    wechat_openid text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
  )`,
  `CREATE TABLE notification_log (
    id bigserial PRIMARY KEY,
    channel text NOT NULL,
    recipient text NOT NULL,
    phone_hash text,
    user_id integer REFERENCES users (id),
    event text NOT NULL,
    body text NOT NULL,
    idempotency_key text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX notification_log_phone ON notification_log (phone_hash, id DESC)`,
];
