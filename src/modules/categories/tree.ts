import { SEED_TREE } from "./seed-tree.js";
import type { CategoryNode, FlatCategory, HandlingLevel, RoutingHints } from "./types.js";

export type { CategoryNode, FlatCategory, HandlingLevel, RoutingHints, UnitCode } from "./types.js";

/** The seeded demand category tree (诉求分类): 13 top-level categories, 3 levels deep. */
export const CATEGORY_TREE: readonly CategoryNode[] = SEED_TREE;

/** Top-level codes, in display order; "99 其他" is the catch-all. */
export const TOP_LEVEL_CODES = [
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "11",
  "12",
  "99",
] as const;

/** Without any hint on the path a demand goes to the district command centre with no default unit. */
const DEFAULT_HANDLING_LEVEL: HandlingLevel = "district";

/**
 * Depth-first rows of the tree, parents before children. Each row carries the routing hints of the
 * nearest node on its path that sets them (handling level and unit resolve independently).
 */
export function flattenCategories(tree: readonly CategoryNode[] = CATEGORY_TREE): FlatCategory[] {
  const rows: FlatCategory[] = [];
  const visit = (node: CategoryNode, parent: FlatCategory | null, inherited: RoutingHints): void => {
    const hints: RoutingHints = {
      handlingLevel: node.handlingLevel ?? inherited.handlingLevel,
      unitCode: node.unitCode ?? inherited.unitCode,
    };
    const row: FlatCategory = {
      code: node.code,
      name: node.name,
      nameEn: node.nameEn,
      parentCode: parent?.code ?? null,
      level: parent ? ((parent.level + 1) as 2 | 3) : 1,
      handlingLevel: hints.handlingLevel ?? DEFAULT_HANDLING_LEVEL,
      unitCode: hints.unitCode ?? null,
    };
    rows.push(row);
    for (const child of node.children ?? []) visit(child, row, hints);
  };
  for (const root of tree) visit(root, null, {});
  return rows;
}

let byCode: Map<string, FlatCategory> | undefined;

/** Looks a code of the seeded tree up, at any level. */
export function findCategory(code: string): FlatCategory | undefined {
  byCode ??= new Map(flattenCategories().map((row) => [row.code, row]));
  return byCode.get(code);
}

/** The level-2 ancestor of a level-2 or level-3 code (level-1 codes have none). */
export function level2Code(code: string): string | null {
  return code.length >= 4 ? code.slice(0, 4) : null;
}
