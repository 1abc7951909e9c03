import { randomUUID } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { payloadFields } from "../notification-payload.js";

/** The NOTIFY channel on which instances tell each other that admin configuration changed. */
export const CONFIG_CHANNEL = "minhu_config";

/**
 * What an instance keeps in memory and must reload after an admin changes it:
 * "time-limits" = rules and holidays (办理时限与节假日), "regions" = the region tree and grids (区划网格),
 * "catalogue" = the categories and the dispatch catalogue (事项分类与派单目录),
 * "places" = the gazetteer (地名地址库; it also reloads with the regions, whose grids place it).
 */
export type ConfigPart = "time-limits" | "regions" | "catalogue" | "places";

const CONFIG_PARTS: readonly ConfigPart[] = ["time-limits", "regions", "catalogue", "places"];

/** One notification: which parts changed, and which process sent it (it has reloaded already). */
export interface ConfigChange {
  parts: ConfigPart[];
  origin: string;
}

const origins = new WeakMap<object, string>();

/**
 * The id an instance (one app context) signs its notifications with, so that it can skip reloading
 * what it has reloaded itself already.
 */
export function originOf(instance: object): string {
  let origin = origins.get(instance);
  if (!origin) {
    origin = randomUUID();
    origins.set(instance, origin);
  }
  return origin;
}

/**
 * Tells every instance that configuration changed. Runs in the caller's transaction: PostgreSQL
 * delivers the notification on commit and drops it on rollback, so nobody reloads a change that
 * did not happen.
 */
export async function publishConfigChange(
  trx: Transaction<DB>,
  parts: ConfigPart[],
  origin: string,
): Promise<void> {
  const change: ConfigChange = { parts, origin };
  await sql`SELECT pg_notify(${CONFIG_CHANNEL}, ${JSON.stringify(change)})`.execute(trx);
}

/** Reads a notification payload; null unless well-formed (anyone connected may NOTIFY the channel). */
export function parseConfigChange(payload: string): ConfigChange | null {
  const fields = payloadFields(payload);
  if (!fields) return null;
  const { parts, origin } = fields;
  if (typeof origin !== "string" || !Array.isArray(parts)) return null;
  const known = parts.filter((part): part is ConfigPart => CONFIG_PARTS.includes(part as ConfigPart));
  return known.length > 0 ? { parts: known, origin } : null;
}
