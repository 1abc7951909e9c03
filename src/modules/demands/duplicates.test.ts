import { describe, expect, it } from "vitest";
import { type DuplicateCandidate, matchDuplicates, metresBetween, termsOf } from "./duplicates.js";

const HERE = { lng: 108.94, lat: 34.25 };
const SEWER = "建设路12号院门口的下水道堵塞，污水漫到路面上，臭味很大";
const candidate = (
  id: string,
  content: string,
  place: { lng: number; lat: number } | null,
  gridCode: string | null,
): DuplicateCandidate => ({
  id,
  gridCode,
  lng: place?.lng ?? null,
  lat: place?.lat ?? null,
  words: termsOf(content),
});
/** A point `metres` east of HERE. */
const east = (metres: number) => ({
  lng: HERE.lng + metres / (111_320 * Math.cos((HERE.lat * Math.PI) / 180)),
  lat: HERE.lat,
});
const query = { words: termsOf("建设路12号院门口下水道堵了，污水漫到路面，很臭"), ...HERE, gridCode: "G1" };

describe("matchDuplicates: similar words, and the same grid or within 300 m", () => {
  it("matches the same problem in the same grid, however far", () => {
    const [match] = matchDuplicates(query, [candidate("a", SEWER, east(900), "G1")]);
    expect(match.candidate.id).toBe("a");
    expect(match.similarity).toBeGreaterThanOrEqual(0.35);
    expect(Math.abs((match.distanceMetres ?? 0) - 900)).toBeLessThan(5);
  });

  it("matches it in a neighbouring grid within 300 m, not beyond", () => {
    expect(matchDuplicates(query, [candidate("a", SEWER, east(250), "G2")])).toHaveLength(1);
    expect(matchDuplicates(query, [candidate("a", SEWER, east(350), "G2")])).toEqual([]);
  });

  it("does not match another problem at the same place", () => {
    const other = candidate("b", "楼上装修噪音太大，周末早上七点就开始电钻", HERE, "G1");
    expect(matchDuplicates(query, [other])).toEqual([]);
  });

  it("without a point, only the same grid counts", () => {
    const noPoint = { ...query, lng: null, lat: null };
    expect(matchDuplicates(noPoint, [candidate("a", SEWER, HERE, "G1")])).toHaveLength(1);
    expect(matchDuplicates(noPoint, [candidate("a", SEWER, HERE, "G2")])).toEqual([]);
  });

  it("ranks the most similar first and keeps the limit", () => {
    const candidates = [
      candidate("loose", "建设路下水道有点问题，麻烦看一下污水", HERE, "G1"),
      candidate("close", "建设路12号院门口下水道堵了，污水漫到路面，很臭", HERE, "G1"),
      candidate("mid", SEWER, HERE, "G1"),
    ];
    const ranked = matchDuplicates(query, candidates).map((m) => m.candidate.id);
    expect(ranked[0]).toBe("close");
    expect(matchDuplicates(query, candidates, 1)).toHaveLength(1);
  });
});

describe("metresBetween", () => {
  it("measures 300 m east as 300 m", () => {
    const p = east(300);
    expect(Math.abs(metresBetween(HERE.lng, HERE.lat, p.lng, p.lat) - 300)).toBeLessThan(2);
  });
});
