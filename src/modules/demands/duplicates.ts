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
  /** The demand's own grid. */
  gridCode: string | null;
  /** Grids within reach of the point (300 m), from the in-memory grid index; includes the own grid. */
  nearbyGridCodes: string[];
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
 * similar words. The grids within reach narrow the search in SQL (an index on grid and time), the
 * distance and the words are checked here.
 */
export async function findDuplicates(
  db: Kysely<DB>,
  query: DuplicateQuery,
  limit = 5,
): Promise<DuplicateSuggestion[]> {
  if (query.nearbyGridCodes.length === 0) return [];
  const since = new Date(query.now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const candidates = await db
    .selectFrom("orders")
    .select(["id", "order_no", "title", "content", "state", "lng", "lat", "grid_code", "created_at"])
    .where("grid_code", "in", query.nearbyGridCodes)
    .where("created_at", ">=", since)
    .where("state", "in", OPEN_STATES as string[])
    .where("region_code", "like", `${query.scopePrefix}%`)
    .orderBy("created_at", "desc")
    .limit(100)
    .execute();
  const words = wordCounts(query.content);
  return candidates
    .filter((c) => c.id !== query.excludeOrderId)
    .map((c) => ({
      id: c.id,
      orderNo: c.order_no,
      title: c.title,
      state: c.state,
      similarity: round(cosine(words, storedWordCounts(c.id, c.content))),
      distanceMetres:
        query.lng !== null && query.lat !== null && c.lng !== null && c.lat !== null
          ? Math.round(metresBetween(query.lng, query.lat, c.lng, c.lat))
          : null,
      createdAt: c.created_at,
      sameGrid: c.grid_code === query.gridCode,
    }))
    .filter(
      (c) =>
        c.similarity >= DUPLICATE_SIMILARITY &&
        (c.sameGrid || (c.distanceMetres !== null && c.distanceMetres <= DUPLICATE_RADIUS_METRES)),
    )
    .map(({ sameGrid: _, ...suggestion }) => suggestion)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit);
}

/**
 * An order's content never changes, so its word counts are kept per instance: segmenting every
 * nearby candidate again on each intake would cost more than everything else the intake does.
 */
const wordCountCache = new Map<string, Map<string, number>>();
const WORD_COUNT_CACHE_SIZE = 50_000;

function storedWordCounts(orderId: string, content: string): Map<string, number> {
  let counts = wordCountCache.get(orderId);
  if (!counts) {
    counts = wordCounts(content);
    if (wordCountCache.size >= WORD_COUNT_CACHE_SIZE)
      wordCountCache.delete(wordCountCache.keys().next().value as string);
    wordCountCache.set(orderId, counts);
  }
  return counts;
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

/** The WGS-84 box around a point that holds every place within `metres`. */
export function boxAround(lng: number, lat: number, metres: number): [number, number, number, number] {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}
