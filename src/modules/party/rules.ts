import type { RegionLevel } from "../../db/schema.js";

/**
 * 四级组织体系 社区党委（党总支/党支部） → 小区（网格）党支部/党小组 → 楼栋党小组 → 党员中心户, as data:
 * where each kind of organisation sits on the region tree and which kinds it may hang under.
 */
export const ORGANISATION_KINDS = [
  "committee", // 社区党委
  "general_branch", // 社区党总支
  "branch", // 社区党支部
  "grid_branch", // 网格（小区）党支部
  "grid_group", // 网格党小组
  "building_group", // 楼栋党小组
  "household", // 党员中心户
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

const COMMUNITY_KINDS: readonly OrganisationKind[] = ["committee", "general_branch", "branch"];
const GRID_KINDS: readonly OrganisationKind[] = ["grid_branch", "grid_group"];

const PLACEMENT: Record<OrganisationKind, { level: RegionLevel; parents: readonly OrganisationKind[] }> = {
  committee: { level: "community", parents: [] },
  general_branch: { level: "community", parents: [] },
  branch: { level: "community", parents: [] },
  grid_branch: { level: "grid", parents: COMMUNITY_KINDS },
  grid_group: { level: "grid", parents: COMMUNITY_KINDS },
  building_group: { level: "grid", parents: GRID_KINDS },
  household: { level: "grid", parents: ["building_group", ...GRID_KINDS] },
};

export const MEMBER_DUTIES = ["secretary", "deputy", "committee", "member"] as const;

/** Where an organisation is to be placed: its region and, below the community, its parent. */
export interface Placement {
  kind: OrganisationKind;
  region: { code: string; level: RegionLevel; parentCode: string | null };
  parent: { kind: OrganisationKind; regionCode: string } | null;
}

/**
 * Why an organisation may not sit there (null when it may): a community's own organisation has no
 * parent; a grid's hangs under its community's, a building's and a household's under one in the
 * same grid.
 */
export function placementProblem({ kind, region, parent }: Placement): string | null {
  const rule = PLACEMENT[kind];
  if (region.level !== rule.level) return `a ${kind} belongs to a ${rule.level}, not a ${region.level}`;
  if (rule.parents.length === 0) return parent ? `a ${kind} has no parent organisation` : null;
  if (!parent) return `a ${kind} needs a parent organisation`;
  if (!rule.parents.includes(parent.kind)) return `a ${kind} cannot hang under a ${parent.kind}`;
  const parentRegion = COMMUNITY_KINDS.includes(parent.kind) ? region.parentCode : region.code;
  if (parent.regionCode !== parentRegion) return "the parent organisation is not where this one is";
  return null;
}
