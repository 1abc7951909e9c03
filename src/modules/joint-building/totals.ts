/** One council's counts as the repository reads them. */
export interface CouncilCounts {
  region_code: string;
  kind: "council" | "alliance";
  meetings: number;
  projects: number;
  solved: number;
}

export interface Totals {
  councils: number;
  alliances: number;
  meetings: number;
  projects: number;
  solved: number;
}

const STREET_CODE_LENGTH = 9;

function empty(): Totals {
  return { councils: 0, alliances: 0, meetings: 0, projects: 0, solved: 0 };
}

function add(into: Totals, row: CouncilCounts): void {
  if (row.kind === "council") into.councils += 1;
  else into.alliances += 1;
  into.meetings += row.meetings;
  into.projects += row.projects;
  into.solved += row.solved;
}

/**
 * 累计召开议事协商会议N次，确定共建项目N个，解决实际问题N个: the totals of the whole jurisdiction,
 * each street's (its communities' councils and its own alliance) and each community's.
 */
export function sumByRegion(rows: readonly CouncilCounts[], nameOf: (code: string) => string) {
  const all = empty();
  const streets = new Map<string, Totals>();
  const communities = new Map<string, Totals>();
  for (const row of rows) {
    add(all, row);
    const street = row.region_code.slice(0, STREET_CODE_LENGTH);
    add(streets.get(street) ?? (streets.set(street, empty()).get(street) as Totals), row);
    if (row.kind === "council")
      add(
        communities.get(row.region_code) ??
          (communities.set(row.region_code, empty()).get(row.region_code) as Totals),
        row,
      );
  }
  const list = (map: Map<string, Totals>) =>
    [...map].sort(([a], [b]) => a.localeCompare(b)).map(([code, t]) => ({ code, name: nameOf(code), ...t }));
  return { total: all, streets: list(streets), communities: list(communities) };
}
