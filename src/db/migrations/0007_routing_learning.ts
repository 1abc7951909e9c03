import { type Kysely, sql } from "kysely";

/**
 * Routing learns from the district: every category a person chose or corrected is a label, and every
 * retrained model is kept with its scores on the fixed evaluation set (one active, the rest history).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE routing_labels (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    text text NOT NULL,
    category_code text NOT NULL,
    suggested_code text,
    model_version text,
    source text NOT NULL CHECK (source IN ('intake', 'accept', 'transfer')),
    labelled_by integer REFERENCES users(id),
    region_code text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX routing_labels_by_time ON routing_labels (created_at)`.execute(db);
  await sql`CREATE TABLE routing_models (
    version text PRIMARY KEY,
    artefact text NOT NULL,
    scores jsonb NOT NULL,
    label_count integer NOT NULL,
    status text NOT NULL CHECK (status IN ('active', 'previous', 'rejected')),
    trained_at timestamptz NOT NULL,
    decided_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX routing_models_one_active ON routing_models (status) WHERE status = 'active'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE routing_models`.execute(db);
  await sql`DROP TABLE routing_labels`.execute(db);
}
