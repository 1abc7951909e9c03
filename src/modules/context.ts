import type { Kysely } from "kysely";
import type { CityConfig, NotifyConfig } from "../config.js";
import type { Database } from "../db/database.js";
import type { DB } from "../db/schema.js";
import type { PhoneVault } from "../platform/privacy/phone.js";
import type { TokenSigner } from "../platform/privacy/tokens.js";
import type { DuplicateSearch } from "./demands/duplicate-search.js";
import type { IntakeWriter } from "./demands/intake-writer.js";
import type { Gazetteer } from "./places/gazetteer.js";
import type { RegionDirectory } from "./regions/directory.js";
import type { DispatchCatalogue } from "./routing/catalogue.js";
import type { TimeLimits } from "./time-limits/service.js";

/** What every module's routes and services are handed: no globals. */
export interface AppContext {
  database: Database;
  db: Kysely<DB>;
  vault: PhoneVault;
  tokens: TokenSigner;
  /** Stores demands in group-committed batches. */
  intake: IntakeWriter;
  /** Finds the open demands a new one may repeat; concurrent searches share a statement. */
  duplicates: DuplicateSearch;
  /** Time-limit rules and the working calendar; reloaded when an admin changes them. */
  timeLimits: TimeLimits;
  /** The region tree and grid locator, in memory. */
  regions: RegionDirectory;
  /** The district gazetteer (地名地址库) over the regions; reloaded with them and when an admin edits it. */
  places: Gazetteer;
  /** Active categories and the dispatch catalogue; reloaded when an admin changes them. */
  catalogue: DispatchCatalogue;
  /** The current instant; tests replace it to move through deadlines. */
  now: () => Date;
  tileUrl: string | null;
  tileAttribution: string | null;
  /** The datum of the configured tiles; optional so contexts built without tiles need not say. */
  tileCrs?: "wgs84" | "gcj02";
  /** The city's 12345 platform; tests replace it to point at their own receiver. */
  city: CityConfig;
  /** Notification providers; tests replace them to point at their own gateways. */
  notify: NotifyConfig;
}
