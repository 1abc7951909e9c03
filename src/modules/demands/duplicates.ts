import { segment } from "./classify/tokenizer.js";

export const DUPLICATE_WINDOW_DAYS = 30;
export const DUPLICATE_RADIUS_METRES = 300;
/** Cosine similarity of the two demands' word sets above which they are "the same problem". */
export const DUPLICATE_SIMILARITY = 0.35;
/** How many of the most recent nearby open orders are compared; the newest matter most to a caller. */
export const MAX_CANDIDATES = 60;
/** Enough words to characterise a demand; longer texts keep their first ones. */
const MAX_TERMS = 60;

/** Where and what a new demand is, to compare with the open ones around it. */
export interface DuplicateQuery {
  /** The demand's words (`termsOf` its content). */
  words: readonly string[];
  /** WGS-84 point, when the demand has one. */
  lng: number | null;
  lat: number | null;
  /** The demand's own grid. */
  gridCode: string | null;
}

/** A recent open order near the demand, as stored: its words were segmented at its own intake. */
export interface DuplicateCandidate {
  id: string;
  gridCode: string | null;
  lng: number | null;
  lat: number | null;
  /** Its distinct words (`orders.terms`, split). */
  words: readonly string[];
}

export interface DuplicateMatch<C extends DuplicateCandidate> {
  candidate: C;
  similarity: number;
  distanceMetres: number | null;
}

/** The distinct words of a demand (jieba), stored with the order as `terms` (space-separated). */
export function termsOf(content: string): string[] {
  return [...new Set(segment(content))].slice(0, MAX_TERMS);
}

/** The words of a stored `terms` column. */
export function wordsOf(terms: string): string[] {
  return terms === "" ? [] : terms.split(" ");
}

/**
 * 重复诉求: which candidates are about the same problem: similar words (cosine ≥ 0.35) and the same
 * grid or within 300 m; the most similar first.
 */
export function matchDuplicates<C extends DuplicateCandidate>(
  query: DuplicateQuery,
  candidates: readonly C[],
  limit = 5,
): DuplicateMatch<C>[] {
  const words = new Set(query.words);
  if (words.size === 0) return [];
  const matches: DuplicateMatch<C>[] = [];
  for (const candidate of candidates) {
    const similarity = Math.round(cosine(words, candidate.words) * 1000) / 1000;
    if (similarity < DUPLICATE_SIMILARITY) continue;
    const distanceMetres = distanceBetween(query, candidate);
    const near =
      candidate.gridCode === query.gridCode ||
      (distanceMetres !== null && distanceMetres <= DUPLICATE_RADIUS_METRES);
    if (near) matches.push({ candidate, similarity, distanceMetres });
  }
  return matches.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
}

/** Cosine of two binary word vectors: shared words / sqrt(|A| · |B|). */
function cosine(words: ReadonlySet<string>, other: readonly string[]): number {
  if (other.length === 0) return 0;
  let shared = 0;
  for (const word of other) if (words.has(word)) shared += 1;
  return shared / Math.sqrt(words.size * other.length);
}

function distanceBetween(query: DuplicateQuery, candidate: DuplicateCandidate): number | null {
  if (query.lng === null || query.lat === null || candidate.lng === null || candidate.lat === null)
    return null;
  return Math.round(metresBetween(query.lng, query.lat, candidate.lng, candidate.lat));
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
