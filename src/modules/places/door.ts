import type { Gazetteer, Mention } from "./gazetteer.js";
import { alongPath, distanceAlong, type LngLat, pathLength } from "./geometry.js";
import type { FinePlace, PlaceEntry, RoadNumbering } from "./types.js";

/** 门牌离路 How far a door is from the road's centre line (metres). */
const DOOR_SETBACK_METRES = 35;
/** Numbers are not evenly spaced: a door may be this far either way along from where its number falls. */
const DOOR_SPREAD_METRES = 60;
/** 一户宽 The least a door's place is uncertain, however near a known door. */
const HOUSE_WIDTH_METRES = 15;

/**
 * 门牌 "东关南街56号": the compound of that number if known, else the number's point on the road,
 * on its side (odd numbers on the left of the numbering's direction, even on the right).
 */
export function houseNumber(gazetteer: Gazetteer, text: string, roads: Mention[]): FinePlace | null {
  for (const road of [...roads].reverse()) {
    const number = Number(text.slice(road.end).match(/^(\d+)号/)?.[1]);
    if (!number) continue;
    const named = gazetteer.named("compound", `${road.entry.name}${number}号院`);
    if (named)
      return {
        precision: "compound",
        point: [named.lng, named.lat],
        radius: 40,
        base: 0.9,
        matched: [road.entry, named],
      };
    const numbering = road.entry.road;
    if (!numbering || number < numbering.from || number > numbering.to) continue;
    const door = onRoad(gazetteer, road.entry, numbering, number);
    if (door) return door;
  }
  return null;
}

/** The door's point on its side of the road, and where along that side it may really be. */
function onRoad(
  gazetteer: Gazetteer,
  road: PlaceEntry,
  numbering: RoadNumbering,
  number: number,
): FinePlace | null {
  const { path } = numbering;
  const length = Math.max(pathLength(path), 1);
  const { along, span } = doorSpan(gazetteer, road, number);
  const numberedSide = number % 2 === 1 ? DOOR_SETBACK_METRES : -DOOR_SETBACK_METRES;
  // Where the numbered side lies outside the district, the caller (who is in it) is across the
  // road: the side rule failed once, so that is less sure.
  for (const [side, base] of [
    [numberedSide, 0.85],
    [-numberedSide, 0.7],
  ] as const) {
    const point = alongPath(path, along / length, side);
    if (!gazetteer.locate(point[0], point[1])) continue;
    const samples = doorSamples(path, span, side);
    return { precision: "house_number", point, radius: 50, base, matched: [road], samples };
  }
  return null;
}

/**
 * 门牌区间 Where along the road (metres) a door may be. Numbers are not evenly spaced, so up to
 * DOOR_SPREAD_METRES either way of where its number falls; but a known door of the same side
 * ("东关南街88号院") fixes its number: a door is reckoned from the nearest one, may be off by at most
 * its distance from it (and at least a house's width), and never lies beyond it.
 */
function doorSpan(
  gazetteer: Gazetteer,
  road: PlaceEntry,
  number: number,
): { along: number; span: [number, number] } {
  const numbering = road.road as RoadNumbering;
  const perNumber = pathLength(numbering.path) / Math.max(numbering.to - numbering.from, 1);
  const evenly = (number - numbering.from) * perNumber;
  const reach = Math.ceil(DOOR_SPREAD_METRES / Math.max(perNumber, 1));
  const known: { along: number; gap: number }[] = [];
  for (const direction of [-1, 1])
    for (let step = 2; step <= reach + 1; step += 2) {
      const door = gazetteer.named("compound", `${road.name}${number + direction * step}号院`);
      if (!door) continue;
      known.push({
        along: distanceAlong(numbering.path, [door.lng, door.lat]),
        gap: direction * step * perNumber,
      });
      break;
    }
  const nearest = [...known].sort((a, b) => Math.abs(a.gap) - Math.abs(b.gap))[0];
  if (!nearest) return { along: evenly, span: [evenly - DOOR_SPREAD_METRES, evenly + DOOR_SPREAD_METRES] };
  const along = nearest.along - nearest.gap;
  const spread = Math.min(DOOR_SPREAD_METRES, Math.max(HOUSE_WIDTH_METRES, Math.abs(nearest.gap)));
  let span: [number, number] = [along - spread, along + spread];
  for (const door of known)
    span = door.gap < 0 ? [Math.max(span[0], door.along), span[1]] : [span[0], Math.min(span[1], door.along)];
  // Known doors out of order (a renumbered stretch) say nothing certain about this one.
  return span[0] < span[1]
    ? { along, span }
    : { along: evenly, span: [evenly - DOOR_SPREAD_METRES, evenly + DOOR_SPREAD_METRES] };
}

/**
 * Where a door number may really be: spread over its span along its side of the road, nearer or
 * further from it; never across the road, which the odd/even side already decides.
 */
function doorSamples(path: readonly LngLat[], [from, to]: [number, number], side: number): LngLat[] {
  const length = Math.max(pathLength(path), 1);
  const samples: LngLat[] = [];
  for (let step = 0; step <= 6; step++)
    for (const across of [0.6, 1, 1.4])
      samples.push(alongPath(path, (from + ((to - from) * step) / 6) / length, side * across));
  return samples;
}
