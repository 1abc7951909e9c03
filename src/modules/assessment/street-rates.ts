import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { PeriodRange } from "../../platform/calendar/china-time.js";
import { computeRates, type KpiCounts, kpiCounts } from "./formulas.js";
import { countKpis, regionsAt } from "./repository.js";
import { loadWeights } from "./settings.js";

/** One street's (or the district's) 三率 in a period, with the sample each rate rests on. */
export interface StreetRates {
  code: string;
  name: string;
  /** 派单数: the base of 响应率. */
  dispatched: number;
  /** 回访数: the base of 解决率 and 满意率. */
  rated: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/**
 * 三率 by street (响应率, 解决率, 满意率) of a district over a period, and the district's own row: the
 * assessment's counts and formulas, the same the 考核 table and the dashboard tiles show. The district
 * row is counted on its own, so orders located to no street still count there.
 */
export async function streetRates(
  db: Kysely<DB>,
  district: { code: string; name: string },
  range: PeriodRange,
): Promise<{ streets: StreetRates[]; district: StreetRates; partialWeight: number; basicWeight: number }> {
  // No event counts: the three rates read orders and return visits only.
  const sources = ["orders", "visits"] as const;
  const [byStreet, byDistrict, streets, weights] = await Promise.all([
    countKpis(db, { level: "street", prefix: district.code, range }, sources),
    countKpis(db, { level: "district", prefix: district.code, range }, sources),
    regionsAt(db, "street", district.code),
    loadWeights(db),
  ]);
  const row = (code: string, name: string, counts: KpiCounts = kpiCounts()): StreetRates => {
    const rates = computeRates(counts, weights);
    return {
      code,
      name,
      dispatched: counts.dispatched,
      rated: counts.rated,
      responseRate: rates.responseRate,
      resolutionRate: rates.resolutionRate,
      satisfactionRate: rates.satisfactionRate,
    };
  };
  return {
    streets: streets.map((s) => row(s.code, s.name, byStreet.get(s.code))),
    district: row(district.code, district.name, byDistrict.get(district.code)),
    partialWeight: weights.partialWeight,
    basicWeight: weights.basicWeight,
  };
}
