import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { PhoneVault } from "../platform/privacy/phone.js";
import { seedDemoGridWorkers } from "./demo-accounts.js";
import { seedDemoFieldwork } from "./fieldwork/index.js";
import { seedDemoParty } from "./party/index.js";

/**
 * The demo's organisation below its named accounts: the grid workers (网格员), the party
 * organisations and joint building (一核), the linked leaders' field work (三联一进, 民情日记). Each
 * part does nothing when its rows exist, so running it again completes what a killed process began.
 * Returns the rows written.
 */
export async function seedDemoOrganisation(db: Kysely<DB>, vault: PhoneVault): Promise<number> {
  const workers = await seedDemoGridWorkers(db, vault);
  const party = await seedDemoParty(db);
  return workers + party + (await seedDemoFieldwork(db));
}
