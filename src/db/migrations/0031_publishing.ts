import { type Kysely, sql } from "kysely";

/**
 * 碑林发布 what the district publishes without sign-in: key projects (重点项目) for now. An item's
 * working copy is the editor's draft; each publication (now or scheduled) appends a version that
 * becomes public at `visible_from`, so a published change keeps its history. A retraction hides the
 * item from that instant until it is published again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE publications (
      id serial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('key_project')),
      draft jsonb NOT NULL,
      retracted_at timestamptz,
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    sql`CREATE TABLE publication_versions (
      publication_id integer NOT NULL REFERENCES publications(id),
      version integer NOT NULL,
      content jsonb NOT NULL,
      visible_from timestamptz NOT NULL,
      published_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (publication_id, version)
    )`,
    sql`CREATE TABLE publication_photos (
      id uuid PRIMARY KEY,
      publication_id integer NOT NULL REFERENCES publications(id),
      file_name text NOT NULL,
      mime text NOT NULL,
      size_bytes integer NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX publication_photos_publication ON publication_photos(publication_id)`,
  ])
    await statement.execute(db);
}
