import type { Role } from "../../db/schema.js";

/**
 * 三联一进: leaders ↔ communities (领导联社区), street cadres ↔ grids (街道干部联网格), department
 * cadres ↔ compounds (部门干部联小区), community cadres go into the courtyards (社区干部进院落).
 */
export const LINK_KINDS = [
  "leader_community",
  "street_grid",
  "department_compound",
  "community_courtyard",
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The region level each link kind attaches to; compounds and courtyards also name the place. */
export const LINK_LEVEL: Record<LinkKind, "community" | "grid"> = {
  leader_community: "community",
  street_grid: "grid",
  department_compound: "community",
  community_courtyard: "community",
};

/** 民情: how the household felt, as the diarist judged it. */
export const MOODS = ["content", "neutral", "worried", "upset"] as const;
export type Mood = (typeof MOODS)[number];

/** Why a link cannot be made, or null: the role must fit the kind and the region the level. */
export function linkProblem(input: {
  kind: LinkKind;
  role: Role;
  regionLevel: string;
  hasPlace: boolean;
}): string | null {
  if (!LINK_ROLE_TABLE[input.kind].includes(input.role))
    return `a ${input.role} cannot hold a ${input.kind} link`;
  if (input.regionLevel !== LINK_LEVEL[input.kind])
    return `a ${input.kind} link attaches to a ${LINK_LEVEL[input.kind]}`;
  const needsPlace = input.kind === "department_compound" || input.kind === "community_courtyard";
  if (needsPlace !== input.hasPlace)
    return needsPlace ? "name the compound or courtyard" : "no place for this link";
  return null;
}

/** Who may hold each kind of link: the role the 三联一进 assigns. */
const LINK_ROLE_TABLE: Record<LinkKind, readonly Role[]> = {
  leader_community: ["leader"],
  street_grid: ["staff", "dispatcher"],
  department_compound: ["unit_handler", "staff"],
  community_courtyard: ["staff", "grid_worker"],
};

/** A campaign's progress in one grid: what was visited against the targets, in whole percent. */
export function progressOf(
  target: { households: number; buildings: number },
  done: { households: number; buildings: number },
) {
  const percent = (n: number, of: number) => (of === 0 ? 100 : Math.min(100, Math.floor((n * 100) / of)));
  return {
    households: percent(done.households, target.households),
    buildings: percent(done.buildings, target.buildings),
  };
}

/** The month ("YYYY-MM") a day belongs to: the topic of that month applies to the work day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** A day in the future is no record of work done (a diary or work day is written after the fact). */
export function isAfter(day: string, today: string): boolean {
  return day > today;
}
