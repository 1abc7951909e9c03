import type { WarningsTable } from "../../db/schema.js";

/** The four early-warning rules (研判预警). */
export type WarningRule = WarningsTable["rule"];
export const WARNING_RULES: readonly WarningRule[] = [
  "category_spike",
  "repeat_caller",
  "common_problem",
  "due_soon",
];

/**
 * What a rule found, before it is stored. `dedupeKey` is `<scope>:<window>`: the same finding in the
 * same window updates one row however often the rules run; `scope` alone (rule and what it is about)
 * lets a later window recognise a finding it has already reported.
 */
export interface WarningCandidate {
  rule: WarningRule;
  scope: string;
  dedupeKey: string;
  regionCode: string;
  categoryCode: string | null;
  title: string;
  detail: Record<string, unknown>;
  orderIds: string[];
}

/** Names for titles: regions from the directory, categories from the database. */
export interface Names {
  region(code: string): string;
  category(code: string): string;
}

/**
 * Builds a candidate; the dedupe key is always `<scope>:<window>`, and the window holds no colon, so
 * the scope of a stored key is everything before its last colon.
 */
export function candidate(
  fields: Omit<WarningCandidate, "dedupeKey"> & { window: string },
): WarningCandidate {
  const { window, ...rest } = fields;
  if (window.includes(":")) throw new Error(`a warning window may not contain ":" (${window})`);
  return { ...rest, dedupeKey: `${rest.scope}:${window}` };
}

/** The scope part of a stored dedupe key. */
export function scopeOfKey(dedupeKey: string): string {
  return dedupeKey.slice(0, dedupeKey.lastIndexOf(":"));
}

const MS_PER_DAY = 86_400_000;

/** The instant `days` days before `now`: the start of a rolling window. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * MS_PER_DAY);
}

/** Region codes are prefixes of each other: district 6, street 9, community 12, grid 15 digits. */
const REGION_CODE_LENGTHS = [15, 12, 9, 6];

/**
 * The smallest region holding every code: their longest common prefix, cut back to a region level.
 * A warning carries it as its `region_code`, so each command centre sees what lies in its jurisdiction.
 */
export function commonRegion(codes: readonly string[]): string {
  let prefix = codes[0] ?? "";
  for (const code of codes) {
    let n = 0;
    while (n < prefix.length && n < code.length && prefix[n] === code[n]) n++;
    prefix = prefix.slice(0, n);
  }
  const length = REGION_CODE_LENGTHS.find((l) => l <= prefix.length) ?? 0;
  return prefix.slice(0, length);
}
