import { type Config, LOG_ONLY, NO_CITY } from "../config.js";
import { type Database, openDatabase } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { loadConfigParts } from "../modules/config-loader.js";
import type { AppContext } from "../modules/context.js";
import { DuplicateSearch } from "../modules/demands/duplicate-search.js";
import { IntakeWriter } from "../modules/demands/intake-writer.js";
import { Gazetteer } from "../modules/places/gazetteer.js";
import { RegionDirectory } from "../modules/regions/directory.js";
import { DispatchCatalogue } from "../modules/routing/catalogue.js";
import { TimeLimits } from "../modules/time-limits/service.js";
import { registerConfigLoader } from "../platform/config-sync/reload.js";
import { PhoneVault } from "../platform/privacy/phone.js";
import { TokenSigner } from "../platform/privacy/tokens.js";
import { seedDemoAccounts } from "../seed/demo-accounts.js";
import { seedKeyProjects } from "../seed/key-projects.js";
import { seedDemoPlaces } from "../seed/places.js";
import { seedReferenceData } from "../seed/reference.js";
import { seedDemoServices } from "../seed/services.js";

/** Opens the configured database (PGlite in the data dir unless DATABASE_URL is set). */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/db` });
}

/**
 * Brings a database to a usable state: migrations, then reference data when the region table is
 * empty, then demo accounts when asked (the embedded default asks on first start).
 */
export async function prepareDatabase(
  database: Database,
  vault: PhoneVault,
  options: { demo: boolean },
): Promise<{ migrated: string[]; seeded: boolean; demo: boolean }> {
  const migrated = await migrateToLatest(database.db);
  const hasRegions = await database.db.selectFrom("regions").select("code").limit(1).executeTakeFirst();
  if (!hasRegions) await seedReferenceData(database.db);
  const hasPlaces = await database.db.selectFrom("places").select("id").limit(1).executeTakeFirst();
  if (!hasPlaces) await seedDemoPlaces(database.db);
  const hasUsers = await database.db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  const demo = options.demo && !hasUsers;
  if (demo) await seedDemoAccounts(database.db, vault);
  // Demo services and key projects also reach an embedded demo made before they existed.
  if (options.demo) {
    await seedDemoServices(database.db);
    await seedKeyProjects(database.db);
  }
  return { migrated, seeded: !hasRegions, demo };
}

/** The context every module receives, built over an open, prepared database. */
export async function createContext(
  database: Database,
  config: Pick<Config, "secretKey" | "tileUrl" | "tileAttribution"> &
    Partial<Pick<Config, "tileCrs" | "city" | "notify">>,
): Promise<AppContext> {
  const regions = await RegionDirectory.load(database.db);
  const ctx: AppContext = {
    database,
    db: database.db,
    vault: new PhoneVault(config.secretKey),
    tokens: new TokenSigner(config.secretKey),
    // Both read the context live: tests move its clock, admins reload its regions.
    intake: new IntakeWriter({ db: database.db, now: () => ctx.now() }),
    duplicates: new DuplicateSearch({
      db: database.db,
      now: () => ctx.now(),
      get regions() {
        return ctx.regions;
      },
    }),
    timeLimits: await TimeLimits.load(database.db),
    regions,
    places: await Gazetteer.load(database.db, regions),
    catalogue: await DispatchCatalogue.load(database.db),
    now: () => new Date(),
    tileUrl: config.tileUrl,
    tileAttribution: config.tileAttribution,
    tileCrs: config.tileCrs ?? "wgs84",
    city: config.city ?? NO_CITY,
    notify: config.notify ?? LOG_ONLY,
  };
  registerConfigLoader(ctx, (parts) => loadConfigParts(ctx, parts));
  await ctx.duplicates.start(database);
  return ctx;
}
