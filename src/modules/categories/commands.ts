import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { fail } from "../../platform/errors.js";
import {
  activateCategory,
  type CategoryRow,
  deactivateSubtree,
  findCategoryRow,
  insertCategory,
  renameCategory,
  siblingNamed,
} from "./repository.js";

/** The tree is three levels deep (大类 › 中类 › 小类); each level adds two digits to its parent's code. */
export const MAX_CATEGORY_LEVEL = 3;

export interface NewCategory {
  parentCode: string | null;
  code: string;
  name: string;
  nameEn?: string | null;
}

export interface CategoryPatch {
  name?: string;
  nameEn?: string | null;
  active?: boolean;
}

/** Why a new code cannot go under a parent (null parent = a new top-level category), or null. */
export function codeProblem(parent: Pick<CategoryRow, "code" | "level"> | null, code: string): string | null {
  const level = parent ? parent.level + 1 : 1;
  if (level > MAX_CATEGORY_LEVEL) return `categories are at most ${MAX_CATEGORY_LEVEL} levels deep`;
  const expected = parent ? `${parent.code} followed by 2 digits` : "2 digits";
  if (!new RegExp(`^${parent?.code ?? ""}[0-9]{2}$`).test(code)) return `code must be ${expected}`;
  return null;
}

/** Adds a category under an active parent, with a code and a name unique among its siblings. */
export async function createCategory(db: Transaction<DB>, input: NewCategory): Promise<CategoryRow> {
  const parent = input.parentCode === null ? null : await findCategoryRow(db, input.parentCode);
  if (parent === undefined)
    throw fail("VALIDATION_FAILED", { detail: `unknown parentCode ${input.parentCode}` });
  const problem = codeProblem(parent, input.code);
  if (problem) throw fail("VALIDATION_FAILED", { detail: problem });
  // A child of an inactive branch would be hidden from intake anyway; reactivate the branch first.
  if (parent && !parent.active) throw fail("CONFLICT", { detail: `parent ${parent.code} is inactive` });
  if (await siblingNamed(db, input.parentCode, input.name))
    throw fail("CONFLICT", { detail: `name ${input.name} exists under this parent` });
  const row = await insertCategory(db, {
    code: input.code,
    name: input.name,
    nameEn: input.nameEn ?? null,
    parentCode: input.parentCode,
    level: parent ? parent.level + 1 : 1,
  });
  if (!row) throw fail("CONFLICT", { detail: `category ${input.code} exists` });
  return row;
}

/**
 * Renames, deactivates or reactivates a category. Deactivating takes the whole branch with it, so no
 * active category hides under an inactive one; for the same reason a child cannot be reactivated
 * while its parent is inactive.
 */
export async function updateCategory(
  trx: Transaction<DB>,
  code: string,
  patch: CategoryPatch,
): Promise<CategoryRow> {
  const current = await findCategoryRow(trx, code);
  if (!current) throw fail("NOT_FOUND", { what: `category ${code}` });
  if (patch.name !== undefined && (await siblingNamed(trx, current.parentCode, patch.name, code))) {
    throw fail("CONFLICT", { detail: `name ${patch.name} exists under this parent` });
  }
  await renameCategory(trx, code, patch);
  if (patch.active === false) await deactivateSubtree(trx, code);
  if (patch.active === true) {
    await requireActiveParent(trx, current);
    await activateCategory(trx, code);
  }
  return (await findCategoryRow(trx, code)) as CategoryRow;
}

async function requireActiveParent(db: Transaction<DB>, category: CategoryRow): Promise<void> {
  if (category.parentCode === null) return;
  const parent = await findCategoryRow(db, category.parentCode);
  if (!parent?.active) throw fail("CONFLICT", { detail: `parent ${category.parentCode} is inactive` });
}
