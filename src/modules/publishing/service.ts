import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { fail } from "../../platform/errors.js";
import {
  listPublications,
  type PublicationRow,
  type VersionRow,
  versionHistory,
  versionsOf,
} from "./repository.js";
import {
  changedParts,
  type KeyProject,
  publicHistory,
  statusOf,
  type VersionStamp,
  visibleVersion,
} from "./rules.js";

const stamp = (v: VersionRow): VersionStamp & { row: VersionRow } => ({
  version: v.version,
  visibleFrom: v.visible_from,
  row: v,
});

/** Items with their versions grouped, for the editors' list and the public pages. */
export async function publicationsWithVersions(db: Kysely<DB>, id?: number) {
  const items = await listPublications(db, id);
  const versions = await versionsOf(
    db,
    items.map((i) => i.id),
  );
  return items.map((item) => ({
    item,
    versions: versions.filter((v) => v.publication_id === item.id).map(stamp),
  }));
}

/** An item for its editors: the draft, its status, every version with when it became (or becomes) public. */
export function presentForEditor(
  entry: { item: PublicationRow; versions: ReturnType<typeof stamp>[] },
  now: Date,
) {
  const { item, versions } = entry;
  return {
    id: item.id,
    kind: item.kind,
    draft: item.draft as KeyProject,
    status: statusOf(versions, item.retracted_at, now),
    publicVersion: visibleVersion(versions, item.retracted_at, now)?.version ?? null,
    retractedAt: item.retracted_at?.toISOString() ?? null,
    retractedReason: item.retracted_reason,
    updatedAt: item.updated_at.toISOString(),
    versions: versions.map((v) => ({ version: v.version, visibleFrom: v.visibleFrom.toISOString() })),
  };
}

/** What the public sees of an item now, with its published history; null when nothing is visible. */
export function presentForPublic(
  entry: { item: PublicationRow; versions: ReturnType<typeof stamp>[] },
  now: Date,
) {
  const current = visibleVersion(entry.versions, entry.item.retracted_at, now);
  if (!current) return null;
  return {
    id: entry.item.id,
    version: current.version,
    publishedAt: current.visibleFrom.toISOString(),
    ...(current.row.content as KeyProject),
    history: publicHistory(entry.versions, now).map((v) => ({
      version: v.version,
      publishedAt: v.visibleFrom.toISOString(),
      progress: (v.row.content as KeyProject).progress,
    })),
  };
}

/** The item or NOT_FOUND. */
export async function requirePublication(db: Kysely<DB>, id: number) {
  const [entry] = await publicationsWithVersions(db, id);
  if (!entry) throw fail("NOT_FOUND", { what: `publication ${id}` });
  return entry;
}

/** Every version of an item for its editors, newest first, each with what it changed from the one before. */
export async function historyForEditor(db: Kysely<DB>, id: number) {
  const rows = await versionHistory(db, id);
  return rows
    .map((row, index) => {
      const content = row.content as KeyProject;
      const before = index > 0 ? (rows[index - 1]?.content as KeyProject) : null;
      return {
        version: row.version,
        visibleFrom: row.visible_from.toISOString(),
        publishedAt: row.created_at.toISOString(),
        publishedBy: row.published_by,
        changed: changedParts(before, content),
        content,
      };
    })
    .reverse();
}
