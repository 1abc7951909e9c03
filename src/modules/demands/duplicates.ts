import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { OPEN_STATES } from "../orders/workflow/lifecycle.js";
import { segment } from "./classify/tokenizer.js";

export const DUPLICATE_WINDOW_DAYS = 30;
export const DUPLICATE_RADIUS_METRES = 300;
/** Cosine similarity of word counts above which two demands are "the same problem". */
export const DUPLICATE_SIMILARITY = 0.35;

export interface DuplicateQuery {
  content: string;
  lng: number | null;
  lat: number | null;
  gridCode: string | null;
  /** Only orders inside this region prefix (the caller's visibility). */
  scopePrefix: string;
  excludeOrderId?: string;
  now: Date;
}

export interface DuplicateSuggestion {
  id: string;
  orderNo: string;
  title: string;
  state: string;
  similarity: number;
  distanceMetres: number | null;
  createdAt: Date;
}

/**
 * Open demands about the same problem nearby: same grid or within 300 m, in the last 30 days, with
 * similar words. The place narrows in SQL (an index-friendly box), the words are compared here.
 */
export async function findDuplicates(db: Kysely<DB>, query: DuplicateQuery, limit = 5): Promise<DuplicateSuggestion[]> {
  const since = new Date(query.now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const box = query.lat !== null && query.lng !== null ? boxAround(query.lng, query.lat, DUPLICATE_RADIUS_METRES) : null;
  if (!box && !query.gridCode) return [];
  const candidates = await db
    .selectFrom("orders")
    .select(["id", "order_no", "title", "content", "state", "lng", "lat", "created_at"])
    .where("state", "in", OPEN_STATES as string[])
    .where("created_at", ">=", since)
    .where("region_code", "like", `${query.scopePrefix}%`)
    .where((eb) => {
      const near = [];
      if (query.gridCode) near.push(eb("grid_code", "=", query.gridCode));
      if (box) near.push(eb.and([eb("lng", ">=", box[0]), eb("lng", "<=", box[2]), eb("lat", ">=", box[1]), eb("lat", "<=", box[3])]));
      return eb.or(near);
    })
    .orderBy("created_at", "desc")
    .limit(300)
    .execute();
  const words = wordCounts(query.content);
  return candidates
    .filter((c) => c.id !== query.excludeOrderId)
    .map((c) => ({
      id: c.id,
      orderNo: c.order_no,
      title: c.title,
      state: c.state,
      similarity: round(cosine(words, wordCounts(c.content))),
      distanceMetres: query.lng !== null && query.lat !== null && c.lng !== null && c.lat !== null ? Math.round(metresBetween(query.lng, query.lat, c.lng, c.lat)) : null,
      createdAt: c.created_at,
    }))
    .filter((c) => c.similarity >= DUPLICATE_SIMILARITY && (c.distanceMetres === null || c.distanceMetres <= DUPLICATE_RADIUS_METRES || query.gridCode !== null))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit);
}

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of segment(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [word, n] of a) dot += n * (b.get(word) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Equirectangular distance: exact enough within a district. */
export function metresBetween(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const x = (lng2 - lng1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

function boxAround(lng: number, lat: number, metres: number): [number, number, number, number] {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}
