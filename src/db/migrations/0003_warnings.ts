import { type Kysely, sql } from "kysely";

/**
 * 研判预警 handling. `acknowledged_by/at` record who took a warning in hand; these columns record who
 * closed it (actioned or dismissed) and when, and when a rule last confirmed it (re-runs update the
 * same row instead of adding one), so the list can tell a spike still growing from one long past.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `ALTER TABLE warnings
    ADD COLUMN handled_by integer REFERENCES users(id),
    ADD COLUMN handled_at timestamptz,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`,
  // Re-runs compare candidates with the recent warnings of the same rule.
  `CREATE INDEX warnings_rule_created ON warnings(rule, created_at)`,
];
