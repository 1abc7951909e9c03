/**
 * Rule (b), 重复来电/重复地址: the same caller, or the same address, with several demands in 30 days —
 * a problem the handling did not solve, or a caller who needs a visit rather than another reply.
 * Callers are grouped by the keyed phone hash, so nobody's phone is decrypted to find them.
 */
import { createHash } from "node:crypto";
import { candidate, commonRegion, type Names, type WarningCandidate } from "./types.js";

export const REPEAT_WINDOW_DAYS = 30;
/** Demands from one caller or address within the window that make a warning. */
export const REPEAT_MIN_DEMANDS = 3;
/** Shorter normalised addresses ("无", "南大街") name no single place and would join strangers. */
const MIN_ADDRESS_LENGTH = 5;

export interface RepeatRow {
  id: string;
  phoneHash: string | null;
  phoneMasked: string | null;
  address: string | null;
  regionCode: string;
  categoryCode: string | null;
  createdAt: Date;
}

/** Text that differs between how two operators typed one place. */
const NOISE = /[\s\p{P}\p{S}]/gu;
/** The district's own name in front of an address adds nothing inside the district. */
const CITY_PREFIX = /^(陕西省)?(西安市)?(碑林区)?/;

/**
 * One spelling per place: full-width characters folded (NFKC: "２３号" → "23号"), spaces and
 * punctuation removed, the province/city/district prefix dropped. Null when too short to name a place.
 */
export function normaliseAddress(address: string): string | null {
  const text = address.normalize("NFKC").toLowerCase().replace(NOISE, "").replace(CITY_PREFIX, "");
  return [...text].length >= MIN_ADDRESS_LENGTH ? text : null;
}

interface Group {
  kind: "caller" | "address";
  key: string;
  rows: RepeatRow[];
}

function groupBy(
  rows: readonly RepeatRow[],
  kind: Group["kind"],
  keyOf: (row: RepeatRow) => string | null,
): Group[] {
  const groups = new Map<string, RepeatRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return [...groups]
    .filter(([, list]) => list.length >= REPEAT_MIN_DEMANDS)
    .map(([key, list]) => ({
      kind,
      key,
      rows: list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    }));
}

/**
 * Callers and addresses with at least REPEAT_MIN_DEMANDS demands among the rows (the window's). An
 * address group whose demands all came from one repeat caller tells nothing new and is left out.
 * `month` (China time, "YYYY-MM") is the window of the dedupe key.
 */
export function detectRepeats(rows: readonly RepeatRow[], month: string, names: Names): WarningCandidate[] {
  const callers = groupBy(rows, "caller", (r) => r.phoneHash);
  const covered = callers.map((g) => new Set(g.rows.map((r) => r.id)));
  const addresses = groupBy(rows, "address", (r) => (r.address ? normaliseAddress(r.address) : null)).filter(
    (g) => !covered.some((ids) => g.rows.every((r) => ids.has(r.id))),
  );
  return [...callers, ...addresses].map((group) => toCandidate(group, month, names));
}

function toCandidate(group: Group, month: string, names: Names): WarningCandidate {
  const first = group.rows[0];
  const regionCode = commonRegion(group.rows.map((r) => r.regionCode));
  const who = group.kind === "caller" ? `来电人 ${first.phoneMasked ?? ""}` : `地址「${first.address}」`;
  // The phone hash is already a keyed hash; the address is hashed to keep keys short and uniform.
  const key =
    group.kind === "caller"
      ? group.key
      : createHash("sha256").update(group.key).digest("base64url").slice(0, 22);
  return candidate({
    rule: "repeat_caller",
    scope: `repeat_caller:${group.kind}:${key}`,
    window: month,
    regionCode,
    categoryCode: null,
    title: `${who} ${REPEAT_WINDOW_DAYS}天内反映 ${group.rows.length} 件诉求（${names.region(regionCode)}）`,
    detail: {
      kind: group.kind,
      phoneMasked: group.kind === "caller" ? first.phoneMasked : null,
      address: group.kind === "address" ? first.address : null,
      count: group.rows.length,
      windowDays: REPEAT_WINDOW_DAYS,
      firstAt: first.createdAt.toISOString(),
      lastAt: group.rows[group.rows.length - 1].createdAt.toISOString(),
      categories: categoriesOf(group.rows, names),
    },
    orderIds: group.rows.map((r) => r.id),
  });
}

/** Which categories the demands were about, most frequent first. */
function categoriesOf(rows: readonly RepeatRow[], names: Names) {
  const counts = new Map<string, number>();
  for (const row of rows)
    if (row.categoryCode) counts.set(row.categoryCode, (counts.get(row.categoryCode) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, count]) => ({ code, name: names.category(code), count }));
}
