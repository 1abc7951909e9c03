import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { OPEN_STATES } from "../orders/workflow/lifecycle.js";
import { segment } from "./classify/tokenizer.js";

export const DUPLICATE_WINDOW_DAYS = 30;
export const DUPLICATE_RADIUS_METRES = 300;
/** Cosine similarity of the two demands' word sets above which they are "the same problem". */
export const DUPLICATE_SIMILARITY = 0.35;
/** Enough words to characterise a demand; longer texts keep their first ones. */
const MAX_TERMS = 60;

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

/** The distinct words of a demand (jieba), stored with the order as `terms`. */
export function termsOf(content: string): string[] {
  return [...new Set(segment(content))].slice(0, MAX_TERMS);
}

/** How many of the most recent nearby open orders are compared; the newest matter most to a caller. */
const MAX_CANDIDATES = 60;

/**
 * Open demands about the same problem nearby: same grid or within 300 m, in the last 30 days, with
 * similar words. The grids within reach narrow the search (an index on grid and time); each
 * candidate's words were stored at its intake, so comparing them needs no segmentation here.
 */
export async function findDuplicates(
  db: Kysely<DB>,
  query: DuplicateQuery,
  limit = 5,
): Promise<DuplicateSuggestion[]> {
  const words = new Set(termsOf(query.content));
  // Grid codes begin with their region's: the scope is applied to the grid list, not as a LIKE that
  // would make the planner walk every order of the district.
  const grids = query.nearbyGridCodes.filter((code) => code.startsWith(query.scopePrefix));
  if (grids.length === 0 || words.size === 0) return [];
  const since = new Date(query.now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const candidates = await db
    .selectFrom("orders")
    .select(["id", "order_no", "title", "state", "lng", "lat", "grid_code", "created_at", "terms"])
    .where("grid_code", "in", grids)
    .where("created_at", ">=", since)
    .where("state", "in", OPEN_STATES as string[])
    .orderBy("created_at", "desc")
    .limit(MAX_CANDIDATES)
    .execute();
  return candidates
    .filter((c) => c.id !== query.excludeOrderId)
    .map((c) => ({
      id: c.id,
      orderNo: c.order_no,
      title: c.title,
      state: c.state,
      similarity: Math.round(cosine(words, c.terms) * 1000) / 1000,
      distanceMetres: distanceFrom(query, c.lng, c.lat),
      createdAt: c.created_at,
      sameGrid: c.grid_code === query.gridCode,
    }))
    .filter((c) => c.similarity >= DUPLICATE_SIMILARITY)
    .filter((c) => c.sameGrid || (c.distanceMetres !== null && c.distanceMetres <= DUPLICATE_RADIUS_METRES))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit)
    .map(({ sameGrid: _, ...suggestion }) => suggestion);
}

/** Cosine of two binary word vectors: shared words / sqrt(|A| · |B|). */
function cosine(words: ReadonlySet<string>, storedTerms: string): number {
  if (storedTerms === "") return 0;
  const other = storedTerms.split(" ");
  let shared = 0;
  for (const word of other) if (words.has(word)) shared += 1;
  return shared / Math.sqrt(words.size * other.length);
}

function distanceFrom(query: DuplicateQuery, lng: number | null, lat: number | null): number | null {
  if (query.lng === null || query.lat === null || lng === null || lat === null) return null;
  return Math.round(metresBetween(query.lng, query.lat, lng, lat));
}

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
