import { type Kysely, sql } from "kysely";

/**
 * 智慧云社区 online community services. A service is configured by an administrator as data: the
 * communities that offer it, the typed fields and the materials it asks, its review levels
 * (community → street), its time limit in working days and the kind of result it gives. An
 * application keeps a copy of the definition it was made under, so a later edit of the service does
 * not change what a running application was asked. Steps are its history; files are the materials
 * (and the result document), checked like intake photos.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE community_services (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      name_en text NOT NULL,
      description text NOT NULL DEFAULT '',
      fields jsonb NOT NULL DEFAULT '[]',
      materials jsonb NOT NULL DEFAULT '[]',
      review_levels jsonb NOT NULL DEFAULT '["community"]',
      time_limit_days integer NOT NULL CHECK (time_limit_days BETWEEN 1 AND 60),
      result_kind text NOT NULL CHECK (result_kind IN ('document', 'appointment', 'approval')),
      active boolean NOT NULL DEFAULT true,
      updated_by integer REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE TABLE community_service_regions (
      service_id integer NOT NULL REFERENCES community_services(id) ON DELETE CASCADE,
      region_code text NOT NULL REFERENCES regions(code),
      PRIMARY KEY (service_id, region_code)
    )`,
    sql`CREATE INDEX community_service_regions_region ON community_service_regions(region_code)`,
    sql`CREATE TABLE service_applications (
      id bigserial PRIMARY KEY,
      service_id integer NOT NULL REFERENCES community_services(id),
      applicant_id integer NOT NULL REFERENCES users(id),
      community_code text NOT NULL REFERENCES regions(code),
      state text NOT NULL,
      level text NOT NULL CHECK (level IN ('community', 'street')),
      answers jsonb NOT NULL,
      definition jsonb NOT NULL,
      submitted_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      closed_at timestamptz,
      result jsonb,
      version integer NOT NULL DEFAULT 1
    )`,
    sql`CREATE INDEX service_applications_community ON service_applications(community_code, state)`,
    sql`CREATE INDEX service_applications_applicant ON service_applications(applicant_id, id)`,
    sql`CREATE TABLE service_application_steps (
      id bigserial PRIMARY KEY,
      application_id bigint NOT NULL REFERENCES service_applications(id),
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      level text,
      actor_id integer REFERENCES users(id),
      actor_role text,
      note text,
      at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX service_application_steps_app ON service_application_steps(application_id, id)`,
    sql`CREATE TABLE service_files (
      id uuid PRIMARY KEY,
      application_id bigint NOT NULL REFERENCES service_applications(id),
      step_id bigint NOT NULL REFERENCES service_application_steps(id),
      material text NOT NULL,
      file_name text NOT NULL,
      mime text NOT NULL,
      size_bytes integer NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX service_files_app ON service_files(application_id)`,
  ])
    await statement.execute(db);
}
