import { chinaMonth, periodRange } from "../../platform/calendar/china-time.js";
import { fail } from "../../platform/errors.js";
import { streetRates } from "../assessment/street-rates.js";
import { listCategories } from "../categories/repository.js";
import type { AppContext } from "../context.js";
import { problemDemands, topicsWithWork } from "../fieldwork/topic-repository.js";
import { aftermathMonths, findingOf, isComplete, lastCompleteMonth, shiftMonth } from "./report-rules.js";

/** How many ended months the 三率 page offers. */
const RATE_MONTHS = 12;
/**
 * How long a month's 三率 are served from memory. On the demo year (about 5,000 orders a month) one
 * month takes 0.2–1 s of the embedded database, which serves one query at a time, on a page anyone may
 * open. An ended month changes little afterwards (a late import, a visit recorded late); ten minutes
 * is as fresh as a monthly report needs.
 */
const RATES_TTL_MS = 10 * 60_000;
type Rates = Awaited<ReturnType<typeof streetRates>>;
const ratesCache = new WeakMap<AppContext, Map<string, { at: number; rates: Rates }>>();

async function cachedRates(ctx: AppContext, district: { code: string; name: string }, month: string) {
  const cache = ratesCache.get(ctx) ?? new Map<string, { at: number; rates: Rates }>();
  ratesCache.set(ctx, cache);
  const now = ctx.now().getTime();
  const hit = cache.get(month);
  if (hit && now - hit.at < RATES_TTL_MS) return hit.rates;
  const rates = await streetRates(ctx.db, district, periodRange(month));
  // Any ended month may be asked for: keep the memory bounded.
  if (cache.size >= 2 * RATE_MONTHS) cache.clear();
  cache.set(month, { at: now, rates });
  return rates;
}

/**
 * 每月一题 as the district publishes it, newest first: the topic, the 共性问题 it was chosen from
 * (category, area, how many demands in how many communities), the leaders' work days on it (sums),
 * and the demands of that problem in that area the month before, during and after (ended months only).
 */
export async function publicTopics(ctx: AppContext) {
  const district = ctx.regions.root();
  if (!district) return [];
  const current = chinaMonth(ctx.now());
  const [rows, categories] = await Promise.all([
    topicsWithWork(ctx.db, district.code, current),
    listCategories(ctx.db),
  ]);
  const categoryOf = new Map(categories.map((c) => [c.code, c]));
  return Promise.all(
    rows.map(async (row) => {
      const problem =
        row.warning_category && row.warning_region
          ? { categoryCode: row.warning_category, regionCode: row.warning_region }
          : null;
      const category = problem ? categoryOf.get(problem.categoryCode) : undefined;
      const area = problem ? ctx.regions.get(problem.regionCode) : undefined;
      return {
        month: row.month,
        title: row.title,
        origin: problem && {
          category: {
            code: problem.categoryCode,
            name: category?.name ?? null,
            nameEn: category?.nameEn ?? null,
          },
          area: { code: problem.regionCode, name: area?.name ?? null, level: area?.level ?? null },
          ...findingOf(row.warning_detail),
        },
        work: {
          workDays: row.work_days,
          leaders: row.leaders,
          communities: row.communities,
          households: row.households,
          casesCoordinated: row.cases_coordinated,
          problemsSolved: row.problems_solved,
          demandsRaised: row.demands_raised,
          demandsClosed: row.demands_closed,
        },
        demands: problem
          ? await Promise.all(
              aftermathMonths(row.month, current).map(async (m) => ({
                ...m,
                ...(await problemDemands(ctx.db, problem, periodRange(m.month))),
              })),
            )
          : [],
      };
    }),
  );
}

/**
 * The 三率 of every street and of the district for one ended month (the last one unless asked), at
 * most ten minutes old: a month still running, or one not yet come, is VALIDATION_FAILED.
 */
export async function publicRates(ctx: AppContext, month?: string) {
  const current = chinaMonth(ctx.now());
  const chosen = month ?? lastCompleteMonth(current);
  if (!isComplete(chosen, current))
    throw fail("VALIDATION_FAILED", { detail: `month ${chosen} has not ended yet` });
  const district = ctx.regions.root();
  if (!district) throw fail("NOT_FOUND", { what: "district" });
  const rates = await cachedRates(ctx, { code: district.code, name: district.name }, chosen);
  return {
    month: chosen,
    months: Array.from({ length: RATE_MONTHS }, (_, i) => shiftMonth(current, -1 - i)),
    ...rates,
  };
}
