import type { CategoryRow } from "./repository.js";

/** A category with its children, as the tree is shown and edited. */
export interface CategoryNodeView {
  code: string;
  name: string;
  nameEn: string | null;
  level: number;
  active: boolean;
  children: CategoryNodeView[];
}

/** The rows (in code order, parents first) nested into a tree. */
export function nestCategories(rows: readonly CategoryRow[]): CategoryNodeView[] {
  const roots: CategoryNodeView[] = [];
  const byCode = new Map<string, CategoryNodeView>();
  for (const row of rows) {
    const node = present(row);
    byCode.set(row.code, node);
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    // A child whose parent was filtered out (inactive) is left out with it.
    if (parent) parent.children.push(node);
    else if (row.parentCode === null) roots.push(node);
  }
  return roots;
}

/** One category as a node without children yet. */
export function present(row: CategoryRow): CategoryNodeView {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    level: row.level,
    active: row.active,
    children: [],
  };
}
