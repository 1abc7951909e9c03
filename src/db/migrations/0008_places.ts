import { type Kysely, sql } from "kysely";

/**
 * 地名地址库 The district gazetteer: compounds (小区/院落), their buildings, roads with their
 * numbered traces (门牌号段) and landmarks, each with a WGS-84 point. The grid of an entry is not
 * stored: it is where the point lies in today's grids, so re-importing grids re-places everything.
 * Entries are corrected in place and retired (active = false), never deleted, so history keeps
 * its meaning.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `CREATE TABLE places (
    id serial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('compound', 'building', 'road', 'landmark')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    aliases jsonb NOT NULL DEFAULT '[]',
    category text,
    lng double precision NOT NULL,
    lat double precision NOT NULL,
    road jsonb,
    -- 范围 how far a large landmark (a campus, a park) reaches from its point, for 南门/东侧….
    extent_m integer CHECK (extent_m BETWEEN 0 AND 5000),
    compound_id integer REFERENCES places(id),
    source text NOT NULL DEFAULT 'admin' CHECK (source IN ('demo', 'admin', 'import')),
    active boolean NOT NULL DEFAULT true,
    updated_by integer REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'building') = (compound_id IS NOT NULL)),
    CHECK ((kind = 'road') = (road IS NOT NULL))
  )`,
  // One active entry per name and kind (buildings: per compound).
  `CREATE UNIQUE INDEX places_active_name ON places (kind, coalesce(compound_id, 0), name) WHERE active`,
];
