import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { chinaDate, chinaMonth, type PeriodRange, periodRange } from "../../platform/calendar/china-time.js";
import { channelLabel } from "../ledgers/labels.js";
import type { RegionDirectory } from "../regions/directory.js";
import {
  categoryCounts,
  channelCounts,
  gridCounts,
  monthlyTrend,
  openByGrid,
  tileCounts,
} from "./dashboard-repository.js";
import { computeRates, sumCounts } from "./formulas.js";
import { countKpis } from "./repository.js";
import { loadWeights } from "./settings.js";

/** The `count` China months ending with `last` ("YYYY-MM"), oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  const [year, month] = last.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/** Orders created, closed and late (超期, by deadline) per China month, the last `months` up to now's. */
export async function trend(db: Kysely<DB>, prefix: string, months: number, now: Date) {
  const labels = monthsUpTo(chinaMonth(now), months);
  const bounds = [...labels.map((m) => periodRange(m).start), periodRange(labels[labels.length - 1]).end];
  const counts = await monthlyTrend(db, prefix, bounds, now);
  return labels.map((month, i) => ({ month, ...counts[i] }));
}

/** Orders registered in the period per top-level category, with its name ("未分类" without one). */
export async function categories(db: Kysely<DB>, prefix: string, range: PeriodRange) {
  const rows = await categoryCounts(db, prefix, range);
  const codes = rows.map((r) => r.key).filter((code): code is string => code !== null);
  const names = codes.length
    ? await db.selectFrom("categories").select(["code", "name"]).where("code", "in", codes).execute()
    : [];
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  return rows.map((r) => ({
    code: r.key,
    name: r.key ? (nameOf.get(r.key) ?? r.key) : "未分类",
    count: r.n,
  }));
}

/** Orders registered in the period per intake channel. */
export async function channels(db: Kysely<DB>, prefix: string, range: PeriodRange) {
  const rows = await channelCounts(db, prefix, range);
  return rows.map((r) => ({ channel: r.key, name: channelLabel(r.key), count: r.n }));
}

/** Per grid: orders registered in the period, and open / overdue ones now, by grid code. */
export async function heat(
  db: Kysely<DB>,
  regions: RegionDirectory,
  prefix: string,
  range: PeriodRange,
  now: Date,
) {
  const [registered, open] = await Promise.all([gridCounts(db, prefix, range), openByGrid(db, prefix, now)]);
  const grids = new Map<string, { total: number; open: number; overdue: number }>();
  const entry = (code: string) => {
    const counts = grids.get(code) ?? { total: 0, open: 0, overdue: 0 };
    grids.set(code, counts);
    return counts;
  };
  for (const row of registered) if (row.key) entry(row.key).total = row.n;
  for (const row of open)
    if (row.key) Object.assign(entry(row.key), { open: row.open, overdue: row.overdue });
  const items = [...grids].map(([gridCode, counts]) => ({
    gridCode,
    name: regions.get(gridCode)?.name ?? null,
    ...counts,
  }));
  return items.sort((a, b) => a.gridCode.localeCompare(b.gridCode));
}

/** The KPI tiles: registered today, open and overdue now, closed in the period, and its three rates. */
export async function summary(db: Kysely<DB>, prefix: string, range: PeriodRange, now: Date) {
  const [tiles, counts, weights] = await Promise.all([
    tileCounts(db, prefix, periodRange(chinaDate(now)), range, now),
    // The tiles show 响应率, 解决率 and 满意率: no event counts needed.
    countKpis(db, { level: "district", prefix, range }, ["orders", "visits"]),
    loadWeights(db),
  ]);
  const rates = computeRates(sumCounts(counts.values()), weights);
  return {
    ...tiles,
    responseRate: rates.responseRate,
    resolutionRate: rates.resolutionRate,
    satisfactionRate: rates.satisfactionRate,
  };
}
