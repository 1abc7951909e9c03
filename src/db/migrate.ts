import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from "kysely";
import * as foundation from "./migrations/0001_foundation.js";
import * as assessment from "./migrations/0002_assessment.js";
import * as warnings from "./migrations/0003_warnings.js";
import * as orderTerms from "./migrations/0004_order_terms.js";
import * as openOrdersByGrid from "./migrations/0005_open_orders_by_grid.js";
import * as eventMessageCodes from "./migrations/0006_event_message_codes.js";
import * as routingLearning from "./migrations/0007_routing_learning.js";
import * as places from "./migrations/0008_places.js";
import * as trust from "./migrations/0009_trust.js";
import * as attempts from "./migrations/0011_attempts.js";
import * as audit from "./migrations/0012_audit.js";
import * as cityHotline from "./migrations/0015_city_hotline.js";
import * as party from "./migrations/0017_party.js";
import * as demoHistoryFill from "./migrations/0020_demo_history_fill.js";
import * as open311 from "./migrations/0023_open311.js";
import * as chainAnchors from "./migrations/0024_chain_anchors.js";
import * as notifications from "./migrations/0025_notifications.js";
import * as phoneSignIn from "./migrations/0026_phone_sign_in.js";
import * as fieldwork from "./migrations/0028_fieldwork.js";
import * as communityServices from "./migrations/0030_community_services.js";
import * as publishing from "./migrations/0031_publishing.js";
import * as diaryIdempotency from "./migrations/0035_diary_idempotency.js";
import * as publicationRetraction from "./migrations/0037_publication_retraction.js";
import type { DB } from "./schema.js";

/** Versioned migrations, in order. Add a file and a line here; never edit a released one. */
const MIGRATIONS: Record<string, Migration> = {
  "0001_foundation": foundation,
  "0002_assessment": assessment,
  "0003_warnings": warnings,
  "0004_order_terms": orderTerms,
  "0005_open_orders_by_grid": openOrdersByGrid,
  "0006_event_message_codes": eventMessageCodes,
  "0007_routing_learning": routingLearning,
  "0008_places": places,
  "0009_trust": trust,
  "0011_attempts": attempts,
  "0012_audit": audit,
  "0015_city_hotline": cityHotline,
  "0017_party": party,
  "0020_demo_history_fill": demoHistoryFill,
  "0023_open311": open311,
  "0024_chain_anchors": chainAnchors,
  "0028_fieldwork": fieldwork,
  "0030_community_services": communityServices,
  "0031_publishing": publishing,
  "0025_notifications": notifications,
  "0026_phone_sign_in": phoneSignIn,
  "0035_diary_idempotency": diaryIdempotency,
  "0037_publication_retraction": publicationRetraction,
};

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  if (await allApplied(db)) return [];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Capabilities built in parallel take migration numbers in advance and may land out of order.
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${String(result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Whether every migration is applied already, as on every start but the first: two reads instead of
 * the migrator's lock table, lock and checks (a third of a second of each start on PGlite).
 */
async function allApplied(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ table: string | null }>`
    SELECT to_regclass('kysely_migration')::text AS table`.execute(db);
  if (!rows[0]?.table) return false;
  const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const names = new Set(applied.rows.map((row) => row.name));
  return Object.keys(MIGRATIONS).every((name) => names.has(name));
}
