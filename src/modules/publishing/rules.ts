/**
 * 碑林发布 rules, no I/O: what a key project (重点项目) says, and which version of an item the public
 * sees at an instant. A publication appends a version visible from an instant (now or scheduled);
 * the public sees the newest version already visible, unless the item was retracted after it.
 */

export const PROJECT_AREAS = [
  "employment",
  "schooling",
  "transport",
  "elderly",
  "housing",
  "environment",
  "health",
] as const;
export type ProjectArea = (typeof PROJECT_AREAS)[number];

/** One milestone (节点) of a key project: what, by when (YYYY-MM), and whether it is reached. */
export interface Milestone {
  title: string;
  due: string;
  done: boolean;
}

/** What a key project publishes: goal, owner, milestones, progress and photos. */
export interface KeyProject {
  title: string;
  area: ProjectArea;
  goal: string;
  owner: string;
  milestones: Milestone[];
  progress: number;
  photoIds: string[];
}

export interface VersionStamp {
  version: number;
  visibleFrom: Date;
}

export type PublicationStatus = "draft" | "scheduled" | "published" | "retracted";

/** The version the public sees at `now`, or null: the newest visible one, unless retracted after it. */
export function visibleVersion<V extends VersionStamp>(
  versions: readonly V[],
  retractedAt: Date | null,
  now: Date,
): V | null {
  const visible = versions.filter((v) => v.visibleFrom <= now).sort((a, b) => b.version - a.version)[0];
  if (!visible) return null;
  if (retractedAt && retractedAt <= now && retractedAt >= visible.visibleFrom) return null;
  return visible;
}

/** Where an item stands for its editors. */
export function statusOf(
  versions: readonly VersionStamp[],
  retractedAt: Date | null,
  now: Date,
): PublicationStatus {
  if (visibleVersion(versions, retractedAt, now)) return "published";
  if (versions.some((v) => v.visibleFrom > now)) return "scheduled";
  return retractedAt ? "retracted" : "draft";
}

/** The public history of an item: the versions already visible, newest first (a change keeps its history). */
export function publicHistory<V extends VersionStamp>(versions: readonly V[], now: Date): V[] {
  return versions.filter((v) => v.visibleFrom <= now).sort((a, b) => b.version - a.version);
}

const PARTS = ["title", "area", "goal", "owner", "milestones", "progress", "photoIds"] as const;

// Milestones as tuples: jsonb does not keep an object's key order, so objects are not compared as text.
const comparable = (project: KeyProject, part: (typeof PARTS)[number]) =>
  JSON.stringify(
    part === "milestones" ? project.milestones.map((m) => [m.title, m.due, m.done]) : project[part],
  );

/** What a published version changed from the one before it (every part for the first version). */
export function changedParts(before: KeyProject | null, after: KeyProject): (keyof KeyProject)[] {
  if (!before) return [...PARTS];
  return PARTS.filter((part) => comparable(before, part) !== comparable(after, part));
}
