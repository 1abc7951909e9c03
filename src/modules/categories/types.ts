import type { HandlingLevel } from "../../db/schema.js";

export type { HandlingLevel };

/** District department codes (区级职能部门) that own a category by default in the dispatch catalogue. */
export type UnitCode =
  | "cgj"
  | "zjj"
  | "szj"
  | "swj"
  | "gdj"
  | "rqj"
  | "scjgj"
  | "rsj"
  | "jyj"
  | "wjj"
  | "mzj"
  | "gaj"
  | "sfj"
  | "hbj"
  | "jtj"
  | "fgj"
  | "wlj";

/** Routing hints that seed the dispatch catalogue (派单目录); children inherit them unless they override. */
export interface RoutingHints {
  /** Lowest level able to handle the demand (网格 < 社区 < 街道 < 区级). */
  handlingLevel?: HandlingLevel;
  unitCode?: UnitCode;
}

/** One node of the 3-level demand category tree (诉求分类). */
export interface CategoryNode extends RoutingHints {
  /** 2 digits at level 1, 4 at level 2, 6 at level 3; a child's code starts with its parent's. */
  code: string;
  name: string;
  nameEn: string;
  children?: CategoryNode[];
}

/** A tree node flattened into a row, routing hints resolved. */
export interface FlatCategory {
  code: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
  level: 1 | 2 | 3;
  handlingLevel: HandlingLevel;
  unitCode: UnitCode | null;
}
