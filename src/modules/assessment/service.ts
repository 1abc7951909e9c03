import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import {
  type AssessmentWeights,
  computeRates,
  type KpiCounts,
  type KpiRates,
  kpiCounts,
  rank,
} from "./formulas.js";
import { type CountQuery, countKpis, regionsAt, unitNames } from "./repository.js";

/** One assessed subject's row: its counts, rates (percent), score and rank. */
export interface AssessmentRow extends KpiRates {
  /** Region code, or unit id as text. */
  key: string;
  name: string;
  dispatched: number;
  responded: number;
  due: number;
  onTime: number;
  closed: number;
  rated: number;
  supervisionCount: number;
  rank: number | null;
}

/**
 * The KPI table of one level, period and jurisdiction, ranked. Region levels list every street or
 * community of the jurisdiction, those without data too (their rates are null and they are not ranked);
 * units are those with any activity on the jurisdiction's orders in the period.
 */
export async function assess(
  db: Kysely<DB>,
  query: CountQuery,
  weights: AssessmentWeights,
): Promise<AssessmentRow[]> {
  const counts = await countKpis(db, query);
  const subjects = await subjectsOf(db, query, counts);
  const rows = subjects.map(({ key, name }) => toRow(key, name, counts.get(key) ?? kpiCounts(), weights));
  return rank(rows.map((row) => ({ ...row, volume: row.dispatched }))).map(
    ({ volume: _volume, ...row }) => row,
  );
}

async function subjectsOf(db: Kysely<DB>, { level, prefix }: CountQuery, counts: Map<string, KpiCounts>) {
  if (level !== "unit") {
    const regions = await regionsAt(db, level, prefix);
    return regions.map((r) => ({ key: r.code, name: r.name }));
  }
  const names = await unitNames(db, [...counts.keys()].map(Number));
  return [...names].map(([id, name]) => ({ key: String(id), name }));
}

function toRow(
  key: string,
  name: string,
  counts: KpiCounts,
  weights: AssessmentWeights,
): Omit<AssessmentRow, "rank"> {
  return {
    key,
    name,
    dispatched: counts.dispatched,
    responded: counts.responded,
    due: counts.due,
    onTime: counts.onTime,
    closed: counts.closed,
    rated: counts.rated,
    supervisionCount: counts.supervisions,
    ...computeRates(counts, weights),
  };
}
