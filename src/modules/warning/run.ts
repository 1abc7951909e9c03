import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { chinaDate, chinaMonth } from "../../platform/calendar/china-time.js";
import { addDays, dayOfWeek } from "../../platform/calendar/days.js";
import { publishWarningNotice } from "../../platform/events/publish.js";
import type { JobHandler } from "../../platform/jobs/runner.js";
import type { AppContext } from "../context.js";
import { COMMON_WINDOW_DAYS, detectCommonProblems } from "./common-problem.js";
import { detectDueSoon, dueSoonCutoff, RUNNING_STATES } from "./due-soon.js";
import { detectRepeats, REPEAT_WINDOW_DAYS } from "./repeats.js";
import { dismissEndedDueSoon, recentWarnings, upsertWarnings } from "./repository.js";
import { commonRows, dueSoonRows, repeatRows, spikeCells } from "./sources.js";
import { detectSpikes } from "./spike.js";
import {
  commonRegion,
  daysBefore,
  type Names,
  scopeOfKey,
  type WarningCandidate,
  type WarningRule,
} from "./types.js";

/** The recurring job's kind; the runner calls `warningJobHandler` for it. */
export const WARNING_JOB_KIND = "warnings.run";

/** Windows span at most a month, so a finding is only ever compared with the last two months' warnings. */
const RECALL_DAYS = 62;

export interface WarningRunResult {
  /** Findings per rule in this run (new or updated). */
  found: Record<WarningRule, number>;
  /** Warnings inserted by this run. */
  created: number;
  /** Due-soon warnings closed because their order was answered or its deadline moved. */
  ended: number;
}

/**
 * 研判预警: runs the four rules over the current data, stores what they find (a re-run updates the
 * same warnings), and closes due-soon warnings whose condition has ended.
 */
export async function runWarningRules(ctx: AppContext): Promise<WarningRunResult> {
  const now = ctx.now();
  const names = await loadNames(ctx);
  const month = chinaMonth(now);
  const cutoff = dueSoonCutoff(ctx.timeLimits.calendar, now);
  const found = {
    category_spike: detectSpikes(await spikeCells(ctx.db, now), mondayOf(now), names),
    repeat_caller: detectRepeats(await repeatRows(ctx.db, now, REPEAT_WINDOW_DAYS), month, names),
    common_problem: detectCommonProblems(await commonRows(ctx.db, now, COMMON_WINDOW_DAYS), month, names),
    due_soon: detectDueSoon(await dueSoonRows(ctx.db, now, cutoff), now, cutoff, names),
  };
  const known = await recentWarnings(
    ctx.db,
    ["category_spike", "repeat_caller", "common_problem"],
    daysBefore(now, RECALL_DAYS),
  );
  const candidates = withoutReported(Object.values(found).flat(), known);
  const created = await upsertWarnings(ctx.db, candidates, now);
  const ended = await dismissEndedDueSoon(ctx.db, RUNNING_STATES, now);
  // Command centres showing these regions refresh their warning lists.
  await publishWarningNotice(ctx.db, noticeRegions([...created, ...ended]), now);
  const count = (rule: WarningRule) => candidates.filter((c) => c.rule === rule).length;
  return {
    found: {
      category_spike: count("category_spike"),
      repeat_caller: count("repeat_caller"),
      common_problem: count("common_problem"),
      due_soon: count("due_soon"),
    },
    created: created.length,
    ended: ended.length,
  };
}

/** More regions than fit a notice comfortably are announced as the smallest region holding them all. */
const MAX_NOTICE_REGIONS = 100;

export function noticeRegions(codes: readonly string[]): string[] {
  const unique = [...new Set(codes)];
  return unique.length > MAX_NOTICE_REGIONS ? [commonRegion(unique)] : unique;
}

/** The job handler for WARNING_JOB_KIND: runs the rules; a failure is retried by the job runner. */
export function warningJobHandler(ctx: AppContext): JobHandler {
  return async () => {
    await runWarningRules(ctx);
  };
}

/**
 * Drops a finding already reported in an earlier window: a warning about the same thing (same scope,
 * other key) that holds every one of its orders. A caller counted on 31 January is not new on
 * 1 February, but one more call makes the finding new again.
 */
export function withoutReported(
  candidates: readonly WarningCandidate[],
  known: readonly { dedupe_key: string; order_ids: string[] }[],
): WarningCandidate[] {
  const byScope = new Map<string, { key: string; ids: Set<string> }[]>();
  for (const warning of known) {
    const scope = scopeOfKey(warning.dedupe_key);
    const list = byScope.get(scope) ?? [];
    list.push({ key: warning.dedupe_key, ids: new Set(warning.order_ids) });
    byScope.set(scope, list);
  }
  return candidates.filter((c) => {
    const earlier = (byScope.get(c.scope) ?? []).filter((w) => w.key !== c.dedupeKey);
    return !earlier.some((w) => c.orderIds.every((id) => w.ids.has(id)));
  });
}

/** The Monday (China time) of the instant's week, "YYYY-MM-DD": the window of weekly findings. */
export function mondayOf(instant: Date): string {
  const day = chinaDate(instant);
  return addDays(day, -((dayOfWeek(day) + 6) % 7));
}

async function loadNames(ctx: AppContext): Promise<Names> {
  const categories = await categoryNames(ctx.db);
  return {
    region: (code) => ctx.regions.get(code)?.name ?? code,
    category: (code) => categories.get(code) ?? code,
  };
}

async function categoryNames(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom("categories").select(["code", "name"]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
