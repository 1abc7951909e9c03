import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { PhoneVault } from "../platform/privacy/phone.js";
import { seedDemoGridWorkers } from "./demo-accounts.js";
import { seedDemoFieldwork } from "./fieldwork/index.js";
import { seedDemoParty } from "./party/index.js";

/**
 * The demo's organisation below its named accounts, in the order its rows reference each other: the
 * grid workers (网格员), the party organisations and joint building (一核), the linked leaders' field
 * work (三联一进, 民情日记). Each part does nothing when its rows exist, so running them again completes
 * what a killed process began. Each returns the rows it wrote.
 */
const DEMO_ORGANISATION: ReadonlyArray<(db: Kysely<DB>, vault: PhoneVault) => Promise<number>> = [
  seedDemoGridWorkers,
  (db) => seedDemoParty(db),
  (db) => seedDemoFieldwork(db),
];

/** Every part of the demo's organisation, `beforeEachPart` awaited before each; returns the rows written. */
export async function seedDemoOrganisation(
  db: Kysely<DB>,
  vault: PhoneVault,
  beforeEachPart: () => Promise<unknown> = async () => {},
): Promise<number> {
  let written = 0;
  for (const part of DEMO_ORGANISATION) {
    await beforeEachPart();
    written += await part(db, vault);
  }
  return written;
}
