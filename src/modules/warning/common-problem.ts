/**
 * Rule (c), 共性问题: one problem raised in several communities within 30 days is no longer a local
 * matter but one for a rule or a district-wide project. "One problem" is one level-3 category (the
 * finest the tree distinguishes). Each finding is proposed for the 共性问题 ledger and as a candidate
 * for the monthly topic (每月一题) the district leadership picks.
 */
import { candidate, commonRegion, type Names, type WarningCandidate } from "./types.js";

export const COMMON_WINDOW_DAYS = 30;
/** Distinct communities that make a problem common. */
export const COMMON_MIN_COMMUNITIES = 3;
/**
 * At most this many proposals per run, the broadest first: at district volume most everyday
 * categories reach three communities in a month, and 每月一题 needs a short list, not a catalogue.
 */
export const MAX_COMMON_PROPOSALS = 10;

/** A demand of the window with a level-3 category, not yet in the 共性问题 ledger. */
export interface CommonRow {
  id: string;
  categoryCode: string;
  communityCode: string;
}

interface Problem {
  categoryCode: string;
  byCommunity: Map<string, string[]>;
  count: number;
}

function problemsOf(rows: readonly CommonRow[]): Problem[] {
  const problems = new Map<string, Problem>();
  for (const row of rows) {
    let problem = problems.get(row.categoryCode);
    if (!problem) {
      problem = { categoryCode: row.categoryCode, byCommunity: new Map(), count: 0 };
      problems.set(row.categoryCode, problem);
    }
    const ids = problem.byCommunity.get(row.communityCode) ?? [];
    ids.push(row.id);
    problem.byCommunity.set(row.communityCode, ids);
    problem.count += 1;
  }
  return [...problems.values()];
}

/** Problems reaching COMMON_MIN_COMMUNITIES communities, broadest (then most frequent) first, capped. */
export function rankCommonProblems(rows: readonly CommonRow[]): Problem[] {
  return problemsOf(rows)
    .filter((p) => p.byCommunity.size >= COMMON_MIN_COMMUNITIES)
    .sort(
      (a, b) =>
        b.byCommunity.size - a.byCommunity.size ||
        b.count - a.count ||
        a.categoryCode.localeCompare(b.categoryCode),
    )
    .slice(0, MAX_COMMON_PROPOSALS);
}

/** The proposals of this run; `month` (China time, "YYYY-MM") is the window of the dedupe key. */
export function detectCommonProblems(
  rows: readonly CommonRow[],
  month: string,
  names: Names,
): WarningCandidate[] {
  return rankCommonProblems(rows).map((problem, index) => {
    const communities = [...problem.byCommunity]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([code, ids]) => ({ code, name: names.region(code), count: ids.length }));
    const category = names.category(problem.categoryCode);
    return candidate({
      rule: "common_problem",
      scope: `common_problem:${problem.categoryCode}`,
      window: month,
      regionCode: commonRegion(communities.map((c) => c.code)),
      categoryCode: problem.categoryCode,
      title: `共性问题「${category}」：${COMMON_WINDOW_DAYS}天内 ${communities.length} 个社区 ${problem.count} 件，建议列入共性问题台账、作为“每月一题”候选`,
      detail: {
        count: problem.count,
        windowDays: COMMON_WINDOW_DAYS,
        communities,
        rank: index + 1,
        proposedLedger: "common",
        monthlyTopicCandidate: true,
      },
      orderIds: [...problem.byCommunity.values()].flat(),
    });
  });
}
