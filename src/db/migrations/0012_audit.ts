import { type Kysely, type QueryExecutorProvider, sql } from "kysely";

/**
 * Who did what outside orders (审计日志), and tamper evidence for it and for order history.
 *
 * - `audit_log` is append-only: triggers refuse UPDATE, DELETE and TRUNCATE, so application code
 *   cannot edit it (only someone who can drop the triggers can, and the hash chain shows it).
 * - Every audit entry and every order event carries `prev_hash` (the hash of the entry before it:
 *   the log's previous entry; the same order's previous event) and `hash`, computed in one place —
 *   the SQL functions below — from a canonical serialisation (a jsonb array of the row's fields;
 *   jsonb's text form is canonical; instants as epoch microseconds). Insert triggers fill both, after
 *   taking a lock (the order's row; one advisory lock for the log), so concurrent writers queue
 *   instead of forking a chain, and an id taken before the lock is replaced so that id order is
 *   chain order.
 * - Bulk loads (the demo history) may set `minhu.chain = 'deferred'` for their transaction and insert
 *   rows already chained with the `minhu_chain` window aggregate (one sorted pass instead of a
 *   trigger per row); the existing history is backfilled here the same way.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_id integer,
    actor_username text,
    actor_role text,
    action text NOT NULL,
    target_type text,
    target_id text,
    client text,
    before jsonb,
    after jsonb,
    prev_hash text,
    hash text
  )`.execute(db);
  await sql`CREATE INDEX audit_log_at ON audit_log (at)`.execute(db);
  await sql`CREATE INDEX audit_log_actor ON audit_log (actor_username, at)`.execute(db);
  await sql`CREATE INDEX audit_log_action ON audit_log (action, at)`.execute(db);

  await sql`ALTER TABLE order_events ADD COLUMN prev_hash text, ADD COLUMN hash text`.execute(db);

  await sql`CREATE FUNCTION minhu_chain_hash(content jsonb, prev text) RETURNS text
    LANGUAGE sql IMMUTABLE AS
    $$ SELECT encode(sha256(convert_to(coalesce(prev, '') || '|' || content::text, 'UTF8')), 'hex') $$`.execute(
    db,
  );

  await sql`CREATE FUNCTION minhu_event_content(id bigint, order_id bigint, action text,
      from_state text, to_state text, actor_id integer, actor_role text, unit_id integer, note text,
      data jsonb, at timestamptz) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS
    $$ SELECT jsonb_build_array(id, order_id, action, from_state, to_state, actor_id, actor_role,
      unit_id, note, data, (extract(epoch FROM at) * 1000000)::bigint) $$`.execute(db);
  await sql`CREATE FUNCTION minhu_event_hash(e order_events, prev text) RETURNS text
    LANGUAGE sql IMMUTABLE AS
    $$ SELECT minhu_chain_hash(minhu_event_content(e.id, e.order_id, e.action, e.from_state,
      e.to_state, e.actor_id, e.actor_role, e.unit_id, e.note, e.data, e.at), prev) $$`.execute(db);
  // minhu_chain(content) OVER (PARTITION BY chain ORDER BY id): each row's hash in one sorted pass.
  await sql`CREATE FUNCTION minhu_chain_step(prev text, content jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT minhu_chain_hash(content, prev) $$`.execute(db);
  await sql`CREATE AGGREGATE minhu_chain(jsonb) (SFUNC = minhu_chain_step, STYPE = text)`.execute(db);

  await sql`CREATE FUNCTION minhu_audit_hash(a audit_log, prev text) RETURNS text
    LANGUAGE sql IMMUTABLE AS
    $$ SELECT minhu_chain_hash(jsonb_build_array(a.id, (extract(epoch FROM a.at) * 1000000)::bigint,
      a.actor_id, a.actor_username, a.actor_role, a.action, a.target_type, a.target_id, a.client,
      a.before, a.after), prev) $$`.execute(db);

  await sql`CREATE FUNCTION minhu_chain_event() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      last record;
    BEGIN
      PERFORM 1 FROM orders WHERE id = NEW.order_id FOR NO KEY UPDATE;
      SELECT id, hash INTO last FROM order_events WHERE order_id = NEW.order_id ORDER BY id DESC LIMIT 1;
      IF last.id IS NOT NULL AND NEW.id < last.id THEN
        NEW.id := nextval(pg_get_serial_sequence('order_events', 'id'));
      END IF;
      NEW.prev_hash := last.hash;
      NEW.hash := minhu_event_hash(NEW, last.hash);
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER order_events_chain BEFORE INSERT ON order_events FOR EACH ROW
    WHEN (current_setting('minhu.chain', true) IS DISTINCT FROM 'deferred')
    EXECUTE FUNCTION minhu_chain_event()`.execute(db);

  await sql`CREATE FUNCTION minhu_chain_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      last record;
    BEGIN
      PERFORM pg_advisory_xact_lock(7262001);
      SELECT id, hash INTO last FROM audit_log ORDER BY id DESC LIMIT 1;
      IF last.id IS NOT NULL AND NEW.id < last.id THEN
        NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
      END IF;
      NEW.prev_hash := last.hash;
      NEW.hash := minhu_audit_hash(NEW, last.hash);
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW
    EXECUTE FUNCTION minhu_chain_audit()`.execute(db);

  await sql`CREATE FUNCTION minhu_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW
    EXECUTE FUNCTION minhu_refuse_audit_change()`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT
    EXECUTE FUNCTION minhu_refuse_audit_change()`.execute(db);

  await chainExistingEvents(db);
}

/** Chains every event (the existing history) in one sorted pass: a window over each order's events. */
export async function chainExistingEvents(db: QueryExecutorProvider): Promise<void> {
  await sql`UPDATE order_events e SET prev_hash = c.prev_hash, hash = c.hash
    FROM (
      SELECT id, hash, lag(hash) OVER (PARTITION BY order_id ORDER BY id) AS prev_hash
      FROM (
        SELECT id, order_id, minhu_chain(minhu_event_content(id, order_id, action, from_state,
          to_state, actor_id, actor_role, unit_id, note, data, at))
          OVER (PARTITION BY order_id ORDER BY id) AS hash
        FROM order_events
      ) running
    ) c
    WHERE e.id = c.id`.execute(db);
}
