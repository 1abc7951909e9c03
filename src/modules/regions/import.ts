/**
 * 网格导入 Importing grid boundaries from GeoJSON: every feature is checked and every problem
 * reported before anything is written; then the grids of the communities named are replaced in one
 * transaction, and every instance reloads its grid locator.
 */
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { type Actor, coversRegion } from "../../platform/auth/permissions.js";
import { originOf, publishConfigChange } from "../../platform/config-sync/publish.js";
import { reloadConfig } from "../../platform/config-sync/reload.js";
import { fail } from "../../platform/errors.js";
import type { Crs } from "../../platform/geo/coordinates.js";
import { recordAudit } from "../audit/repository.js";
import type { AuditActor } from "../audit/rules.js";
import type { AppContext } from "../context.js";
import type { RegionDirectory } from "./directory.js";
import { type CheckedGrid, checkFeature, type FeatureVerdict } from "./import-checks.js";
import { overlapProblems } from "./import-overlaps.js";
import {
  deleteGrids,
  gridReferences,
  gridsOf,
  keptGridsNear,
  lockDistrict,
  upsertGrids,
} from "./import-repository.js";

export interface GridImportOptions {
  crs: Crs;
  /** Check only: report what would be imported and replaced, write nothing. */
  dryRun: boolean;
}

/** A problem of one feature (`index` into the features), or of a stored grid the import would remove (`index` null). */
export interface ImportError {
  index: number | null;
  code: string | null;
  messages: string[];
}

export interface GridImportReport {
  dryRun: boolean;
  /** Grids written (or, on a dry run, that would be). */
  imported: number;
  /** Stored grids of the communities named that the import replaced (updated or removed). */
  replaced: number;
  errors: ImportError[];
}

/** The audit entry of an import: which grids it replaced, wrote and removed (codes, not shapes). */
function importEntry(planned: ImportPlan, crs: Crs) {
  return {
    action: "config.grids_import",
    targetType: "grids",
    before: { grids: planned.existing.map((grid) => grid.code) },
    after: { crs, grids: planned.grids.map((grid) => grid.code), removed: planned.removed },
  } as const;
}

/** What the checks decided: the grids to write and the stored ones to remove, or the errors. */
interface ImportPlan {
  grids: CheckedGrid[];
  existing: { code: string; partyBranch: string | null }[];
  removed: string[];
  errors: ImportError[];
}

function outerBounds(grids: readonly CheckedGrid[]): number[] {
  return grids.reduce(
    (b, g) => [
      Math.min(b[0], g.bounds[0]),
      Math.min(b[1], g.bounds[1]),
      Math.max(b[2], g.bounds[2]),
      Math.max(b[3], g.bounds[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

/** A code used by more than one feature is reported on each use after the first. */
function duplicateProblems(verdicts: readonly FeatureVerdict[]): Map<number, string[]> {
  const firstUse = new Map<string, number>();
  const problems = new Map<number, string[]>();
  for (const { index, code } of verdicts) {
    if (code === null) continue;
    const first = firstUse.get(code);
    if (first === undefined) {
      firstUse.set(code, index);
    } else {
      problems.set(index, [`编码与第 ${first} 个要素重复 / duplicate code: also used by feature ${first}`]);
    }
  }
  return problems;
}

/** Stored grids the import leaves out and anything still points at: they cannot be removed. */
async function removalErrors(trx: Transaction<DB>, removed: readonly string[]): Promise<ImportError[]> {
  const references = await gridReferences(trx, removed);
  return [...references]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, reasons]) => ({
      index: null,
      code,
      messages: [
        `网格 ${code} 不在导入数据中，无法删除 / grid ${code} is missing from the import and cannot be removed`,
        ...reasons,
      ],
    }));
}

async function plan(
  regions: RegionDirectory,
  actor: Actor,
  trx: Transaction<DB>,
  features: readonly unknown[],
  crs: Crs,
): Promise<ImportPlan> {
  const districtCode = regions.root()?.code ?? "";
  const district = await lockDistrict(trx, districtCode);
  if (!district) throw fail("CONFLICT", { detail: "the district has no boundary to check grids against" });
  const codes = {
    isCommunity: (code: string) => regions.get(code)?.level === "community",
    inScope: (code: string) => coversRegion(actor, code),
  };
  const verdicts = features.map((raw, index) => checkFeature(raw, index, { crs, district, codes }));
  const shapes = verdicts.flatMap((v) => (v.grid ? [v.grid] : []));
  const communities = [...new Set(verdicts.flatMap((v) => (v.community ? [v.community] : [])))];
  const kept = shapes.length > 0 ? await keptGridsNear(trx, outerBounds(shapes), communities) : [];
  const existing = await gridsOf(trx, communities);
  const imported = new Set(verdicts.map((v) => v.code));
  const removed = existing.map((g) => g.code).filter((code) => !imported.has(code));
  const errors = [
    ...featureErrors(verdicts, overlapProblems(shapes, kept)),
    ...(await removalErrors(trx, removed)),
  ];
  return { grids: shapes, existing, removed, errors };
}

/** Each feature's own problems joined with those found by comparing it with the others. */
function featureErrors(verdicts: readonly FeatureVerdict[], overlaps: Map<number, string[]>): ImportError[] {
  const duplicates = duplicateProblems(verdicts);
  return verdicts
    .map((v) => ({
      index: v.index,
      code: v.code,
      messages: [...v.messages, ...(duplicates.get(v.index) ?? []), ...(overlaps.get(v.index) ?? [])],
    }))
    .filter((e) => e.messages.length > 0);
}

async function write(trx: Transaction<DB>, planned: ImportPlan): Promise<void> {
  const branchOf = new Map(planned.existing.map((g) => [g.code, g.partyBranch]));
  // A grid keeps its party branch (网格党支部) unless the file names one; a new grid gets its own.
  const grids = planned.grids.map((g) => ({
    ...g,
    partyBranch: g.partyBranch ?? branchOf.get(g.code) ?? `${g.name}党支部`,
  }));
  await deleteGrids(trx, planned.removed);
  await upsertGrids(trx, grids);
}

/**
 * Checks every feature (code, names, geometry, district boundary, duplicates, overlaps with each
 * other and with the grids kept) and, unless it is a dry run or anything failed, replaces the grids
 * of the communities named in one transaction. A stored grid left out of the import is removed only
 * when nothing (grid workers, orders, units …) still belongs to it.
 */
export async function importGrids(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  features: readonly unknown[],
  options: GridImportOptions,
): Promise<GridImportReport> {
  const { regions } = ctx;
  const origin = originOf(ctx);
  const report = await ctx.db.transaction().execute(async (trx) => {
    const planned = await plan(regions, actor, trx, features, options.crs);
    const counts = {
      dryRun: options.dryRun,
      imported: planned.grids.length,
      replaced: planned.existing.length,
    };
    if (planned.errors.length > 0) return { ...counts, imported: 0, replaced: 0, errors: planned.errors };
    if (!options.dryRun) {
      await write(trx, planned);
      await publishConfigChange(trx, ["regions"], origin);
      await recordAudit(trx, by, importEntry(planned, options.crs), ctx.now());
    }
    return { ...counts, errors: [] };
  });
  if (!options.dryRun && report.errors.length === 0) await reloadConfig(ctx, ["regions"]);
  return report;
}
