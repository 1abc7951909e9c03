import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Location, RegionDirectory } from "../regions/directory.js";
import { boundsOfPoints } from "./geometry.js";
import { normalizeAddress, normalizeQuery } from "./text.js";
import type { LandmarkCategory, PlaceEntry, PlaceKind } from "./types.js";

/** An entry's name or alias found in a text, at [start, end). */
export interface Mention {
  entry: PlaceEntry;
  start: number;
  end: number;
}

export interface SearchHit {
  entry: PlaceEntry;
  score: number;
  /** The name or alias that matched. */
  label: string;
}

/**
 * 搜索排序 Kinds a caller most often means, first: a named landmark or compound is a place; a
 * road or community is an area; "3号楼" means nothing without its compound.
 */
const KIND_WEIGHT: Record<PlaceKind, number> = {
  landmark: 40,
  compound: 36,
  community: 30,
  street: 28,
  road: 24,
  building: 20,
  grid: 16,
};

/**
 * 地名地址库 The gazetteer in memory: the region tree's streets, communities and grids, and the
 * active stored places, each with its point's grid. A few thousand entries: a search scans them
 * all (well under a millisecond); finding every name inside an address goes through an index of
 * names by their first two characters.
 */
export class Gazetteer {
  private readonly byKey = new Map<string, PlaceEntry>();
  private readonly byBigram = new Map<string, { entry: PlaceEntry; label: string }[]>();
  private readonly labels: { entry: PlaceEntry; label: string; alias: boolean }[] = [];
  private readonly byCompound = new Map<string, PlaceEntry[]>();

  constructor(
    readonly regions: RegionDirectory,
    readonly entries: readonly PlaceEntry[],
  ) {
    for (const entry of entries) {
      this.byKey.set(entry.key, entry);
      if (entry.kind === "building" && entry.compound)
        this.byCompound.set(entry.compound, [...(this.byCompound.get(entry.compound) ?? []), entry]);
      [entry.name, ...entry.aliases].forEach((label, i) => {
        if (label.length < 2) return;
        this.labels.push({ entry, label, alias: i > 0 });
        // Mentions are found in normalized addresses: "建筑科技大学·李家村站" is written without its dot.
        const written = normalizeAddress(label);
        const bigram = written.slice(0, 2);
        const list = this.byBigram.get(bigram);
        if (list) list.push({ entry, label: written });
        else this.byBigram.set(bigram, [{ entry, label: written }]);
      });
    }
  }

  static async load(db: Kysely<DB>, regions: RegionDirectory): Promise<Gazetteer> {
    const [regionRows, placeRows] = await Promise.all([
      db
        .selectFrom("regions")
        .select(["code", "name", "level", "min_lng", "min_lat", "max_lng", "max_lat"])
        .where("level", "!=", "district")
        .execute(),
      db
        .selectFrom("places as p")
        .leftJoin("places as c", "c.id", "p.compound_id")
        .select([
          "p.id",
          "p.kind",
          "p.name",
          "p.aliases",
          "p.category",
          "p.lng",
          "p.lat",
          "p.road",
          "p.extent_m",
          "c.name as compound_name",
        ])
        .where("p.active", "=", true)
        .orderBy("p.id")
        .execute(),
    ]);
    const entries: PlaceEntry[] = [];
    for (const row of regionRows) {
      if (row.min_lng === null || row.min_lat === null || row.max_lng === null || row.max_lat === null)
        continue;
      const bbox: [number, number, number, number] = [row.min_lng, row.min_lat, row.max_lng, row.max_lat];
      const point = labelPoint(bbox, (lng, lat) => inRegion(regions.locate(lng, lat), row.level, row.code));
      entries.push({
        key: `region:${row.code}`,
        id: null,
        code: row.code,
        kind: row.level as PlaceKind,
        name: row.name,
        aliases: regionAliases(row.name, row.level),
        category: null,
        lng: point[0],
        lat: point[1],
        road: null,
        compound: null,
        extent: null,
        bbox,
        ...lineageCodes(regions, row.code),
      });
    }
    for (const row of placeRows) {
      const location = regions.locate(row.lng, row.lat);
      const name =
        row.kind === "building" && row.compound_name ? `${row.compound_name}${row.name}` : row.name;
      entries.push({
        key: `place:${row.id}`,
        id: row.id,
        code: null,
        kind: row.kind,
        name,
        aliases: row.aliases,
        category: row.category as LandmarkCategory | null,
        lng: row.lng,
        lat: row.lat,
        road: row.road,
        compound: row.compound_name,
        extent: row.extent_m,
        bbox: row.road ? boundsOfPoints(row.road.path) : [row.lng, row.lat, row.lng, row.lat],
        gridCode: location?.grid.code ?? null,
        communityCode: location?.community.code ?? null,
        streetCode: location?.street.code ?? null,
      });
    }
    return new Gazetteer(regions, entries);
  }

  get(key: string): PlaceEntry | undefined {
    return this.byKey.get(key);
  }

  /** The active entry of a kind with exactly this name (buildings by their full name). */
  named(kind: PlaceKind, name: string): PlaceEntry | undefined {
    return this.byBigram
      .get(name.slice(0, 2))
      ?.find((candidate) => candidate.entry.kind === kind && candidate.entry.name === name)?.entry;
  }

  /** The known buildings of a compound (by the compound's name). */
  buildingsOf(compound: string): readonly PlaceEntry[] {
    return this.byCompound.get(compound) ?? [];
  }

  /**
   * 搜索 Entries whose name or alias contains the query (exact beats prefix beats substring),
   * then entries whose name the query contains (a longer address naming them), ranked by kind.
   */
  search(query: string, options: { limit?: number; kinds?: readonly PlaceKind[] } = {}): SearchHit[] {
    const q = normalizeQuery(query);
    if (q.length === 0) return [];
    const best = new Map<string, SearchHit>();
    for (const { entry, label, alias } of this.labels) {
      if (options.kinds && !options.kinds.includes(entry.kind)) continue;
      const match = matchScore(label, q);
      if (match === 0) continue;
      const score = match * (alias ? 0.97 : 1) + KIND_WEIGHT[entry.kind];
      const previous = best.get(entry.key);
      if (!previous || previous.score < score) best.set(entry.key, { entry, score, label });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.entry.name.length - b.entry.name.length)
      .slice(0, options.limit ?? 10);
  }

  /** Every entry named in a text, longest first where names overlap (a name inside a longer one is dropped). */
  mentions(text: string): Mention[] {
    const found: Mention[] = [];
    for (let start = 0; start < text.length - 1; start++) {
      for (const { entry, label } of this.byBigram.get(text.slice(start, start + 2)) ?? []) {
        if (text.startsWith(label, start)) found.push({ entry, start, end: start + label.length });
      }
    }
    return found.filter(
      (m) =>
        !found.some(
          (other) =>
            other !== m &&
            other.start <= m.start &&
            other.end >= m.end &&
            other.end - other.start > m.end - m.start,
        ),
    );
  }

  /**
   * 相似 Entries of some kinds whose name or alias shares most character pairs with a text (Dice
   * coefficient of bigrams ≥ threshold), most alike first.
   */
  resembling(
    text: string,
    kinds: readonly PlaceKind[],
    threshold: number,
  ): { entry: PlaceEntry; similarity: number }[] {
    const pairs = bigrams(text);
    if (pairs.size === 0) return [];
    const best = new Map<string, { entry: PlaceEntry; similarity: number }>();
    for (const { entry, label } of this.labels) {
      if (!kinds.includes(entry.kind)) continue;
      const other = bigrams(label);
      let shared = 0;
      for (const pair of pairs) if (other.has(pair)) shared++;
      const similarity = (2 * shared) / (pairs.size + other.size);
      if (similarity >= threshold && similarity > (best.get(entry.key)?.similarity ?? 0))
        best.set(entry.key, { entry, similarity });
    }
    return [...best.values()].sort((a, b) => b.similarity - a.similarity);
  }

  /** Entries of some kinds whose point or extent meets a WGS-84 box (map labels). */
  within(box: [number, number, number, number], kinds: readonly PlaceKind[]): PlaceEntry[] {
    return this.entries.filter(
      (e) =>
        kinds.includes(e.kind) &&
        e.bbox[0] <= box[2] &&
        e.bbox[2] >= box[0] &&
        e.bbox[1] <= box[3] &&
        e.bbox[3] >= box[1],
    );
  }

  /** The grid, community and street codes of a WGS-84 point. */
  locate(lng: number, lat: number): Location | null {
    return this.regions.locate(lng, lat);
  }
}

function bigrams(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i < text.length - 1; i++) pairs.add(text.slice(i, i + 2));
  return pairs;
}

function matchScore(label: string, q: string): number {
  if (label === q) return 1000;
  if (label.startsWith(q)) return 800 - Math.min(label.length - q.length, 50);
  if (label.includes(q)) return 600 - Math.min(label.length - q.length, 50);
  if (label.length >= 2 && q.includes(label)) return 400 + Math.min(label.length * 10, 150);
  return 0;
}

/** "南院门社区" is also called "南院门"; "南院门街道" also "南院门街道办", "南院门街办". */
function regionAliases(name: string, level: string): string[] {
  if (level === "community" && name.endsWith("社区") && name.length > 3) return [name.slice(0, -2)];
  if (level === "street" && name.endsWith("街道")) return [`${name}办`, `${name.slice(0, -2)}街办`];
  return [];
}

function inRegion(location: Location | null, level: string, code: string): boolean {
  if (!location) return false;
  if (level === "grid") return location.grid.code === code;
  if (level === "community") return location.community.code === code;
  return location.street.code === code;
}

function lineageCodes(regions: RegionDirectory, code: string) {
  const byLevel = new Map(regions.lineage(code).map((e) => [e.level, e.code]));
  return {
    gridCode: byLevel.get("grid") ?? null,
    communityCode: byLevel.get("community") ?? null,
    streetCode: byLevel.get("street") ?? null,
  };
}

/**
 * 标注点 A point inside a region for its label and pin: the box's centre when inside, otherwise the
 * inside point of a 9 × 9 lattice nearest the centre (regions are not convex).
 */
function labelPoint(
  box: [number, number, number, number],
  inside: (lng: number, lat: number) => boolean,
): [number, number] {
  const centre: [number, number] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
  if (inside(...centre)) return centre;
  let best: [number, number] | null = null;
  let bestGap = Infinity;
  for (let i = 1; i < 10; i++) {
    for (let j = 1; j < 10; j++) {
      const point: [number, number] = [
        box[0] + ((box[2] - box[0]) * i) / 10,
        box[1] + ((box[3] - box[1]) * j) / 10,
      ];
      const gap = Math.hypot(point[0] - centre[0], point[1] - centre[1]);
      if (gap < bestGap && inside(...point)) {
        best = point;
        bestGap = gap;
      }
    }
  }
  return best ?? centre;
}
