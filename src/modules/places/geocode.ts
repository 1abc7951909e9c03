import { houseNumber } from "./door.js";
import type { Gazetteer, Mention } from "./gazetteer.js";
import { alongPath, crossing, type LngLat, offsetMetres } from "./geometry.js";
import { adminPrefixLength, normalizeAddress } from "./text.js";
import type { FinePlace, PlaceEntry, Precision } from "./types.js";

/** 自动落格阈值 A placement this sure is taken without a person looking at it. */
export const PLACEMENT_THRESHOLD = 0.6;

export interface NamedRegion {
  code: string;
  name: string;
}

export interface Placement {
  /** The address as compared (prefix and punctuation removed). */
  normalized: string;
  precision: Precision;
  /** 0..1: how sure the grid is right, lowered near grid edges and when the text contradicts itself. */
  confidence: number;
  /** True when the grid may be taken without a person: a grid and confidence ≥ PLACEMENT_THRESHOLD. */
  placed: boolean;
  point: { lng: number; lat: number } | null;
  grid: NamedRegion | null;
  community: NamedRegion | null;
  street: NamedRegion | null;
  /** The gazetteer entries the placement rests on. */
  matched: { key: string; kind: string; name: string }[];
  /** Other grids the place may lie in, with their share of the surroundings. */
  alternatives: (NamedRegion & { share: number })[];
}

/** 方位词 what follows a landmark, and how far from it the caller's place may be (metres). */
const RELATIONS: [RegExp, number][] = [
  [/^(门口|内|里|院内|里面|大门)/, 20],
  [/^(旁边|隔壁|边上|斜对面|对面|背后|后面|楼下)/, 60],
  [/^(附近|周边|周围|一带|那边|这边|往东|往西|往南|往北|以东|以西|以南|以北)/, 150],
];

/** 方向 east and north components of a compass word. */
const COMPASS: Record<string, [number, number]> = {
  东: [1, 0],
  西: [-1, 0],
  南: [0, -1],
  北: [0, 1],
  东北: [0.7, 0.7],
  东南: [0.7, -0.7],
  西北: [-0.7, 0.7],
  西南: [-0.7, -0.7],
};
/** "南门", "东侧", "东北角": a side of a landmark or a corner of a crossing. */
const SIDE = /^(东北|东南|西北|西南|东|西|南|北)(门|侧|边|面|角|口)/;
/** Words saying two roads meet. */
const CROSSING_WORDS = /与|和|交叉|十字|路口|口/;
/** 模糊匹配 How alike a text must be to a name (character-bigram Dice) to stand for it. */
const FUZZY_THRESHOLD = 0.6;

/**
 * 地址落格 Turns a written address into a grid with a confidence. The finest thing named wins: a
 * building of a known compound, a compound (about its known buildings), a grid, a road with a door
 * number (along the road's numbered trace, reckoned from the nearest known door: door.ts), the crossing of two roads, a landmark (moved to the side or gate named,
 * widened by 附近/对面…), else the landmark or compound the text most resembles; a road, community
 * or street alone says only the area. A community or street named beside a finer place that lies
 * elsewhere lowers the confidence: one of the two is wrong.
 */
export function geocode(gazetteer: Gazetteer, address: string): Placement {
  const normalized = normalizeAddress(address);
  const prefix = adminPrefixLength(normalized);
  const mentions = gazetteer.mentions(normalized).filter((m) => m.end > prefix);
  const roads = mentions.filter((m) => m.entry.kind === "road").map((m) => m.entry.name);
  const fine =
    finestPlace(gazetteer, normalized, mentions) ?? resembled(gazetteer, normalized.slice(prefix), roads);
  // "钟楼" names the landmark and, as its short name, 钟楼社区: the same words are not two places.
  const areas = mentions.filter(
    (m) =>
      (m.entry.kind === "community" || m.entry.kind === "street") &&
      !mentions.some((o) => o.start === m.start && o.end === m.end && o.entry.kind !== m.entry.kind),
  );
  if (!fine) return areaOnly(gazetteer, normalized, mentions, areas);
  const location = gazetteer.locate(fine.point[0], fine.point[1]);
  if (!location) return empty(normalized, fine.matched);
  const around = surroundings(gazetteer, fine.samples ?? circle(fine.point, fine.radius), location.grid.code);
  let confidence = fine.base * (0.5 + 0.5 * (fine.territorial ? 1 : around.agreement));
  const contradicted = areas.some(
    (a) => a.entry.code !== location.community.code && a.entry.code !== location.street.code,
  );
  if (contradicted) confidence *= 0.6;
  const rounded = Math.round(confidence * 100) / 100;
  return {
    normalized,
    precision: fine.precision,
    confidence: rounded,
    placed: rounded >= PLACEMENT_THRESHOLD,
    point: { lng: fine.point[0], lat: fine.point[1] },
    grid: location.grid,
    community: location.community,
    street: location.street,
    matched: [...fine.matched, ...areas.map((a) => a.entry)].map(summary),
    alternatives: around.others,
  };
}

function finestPlace(gazetteer: Gazetteer, text: string, mentions: Mention[]): FinePlace | null {
  const last = (kind: PlaceEntry["kind"]) => mentions.filter((m) => m.entry.kind === kind).at(-1);
  const compound = last("compound");
  const building = last("building");
  if (building) return at(building.entry, "building", 15, 0.97);
  if (compound) {
    const number = text.slice(compound.end).match(/^(\d+)(号楼|栋|幢|号|-)/)?.[1];
    const known = number ? gazetteer.named("building", `${compound.entry.name}${number}号楼`) : undefined;
    if (known) return at(known, "building", 15, 0.97, [compound.entry]);
    return {
      ...at(compound.entry, "compound", 40, number ? 0.9 : 0.93),
      samples: footprint(gazetteer, compound.entry),
    };
  }
  const grid = last("grid");
  if (grid) return at(grid.entry, "grid", 0, 0.95);
  const roads = mentions.filter((m) => m.entry.kind === "road" && m.entry.road);
  const numbered = houseNumber(gazetteer, text, roads);
  if (numbered) return numbered;
  const meeting =
    roads.length >= 2 && CROSSING_WORDS.test(text.slice(roads[0].end)) ? roadsCrossing(text, roads) : null;
  if (meeting) return meeting;
  // The first landmark: a later one is usually its gate or side ("交大南门" is not 永宁门).
  const landmark = mentions.find((m) => m.entry.kind === "landmark");
  if (landmark) return nearLandmark(landmark.entry, text.slice(landmark.end));
  return roads.length >= 2 ? roadsCrossing(text, roads) : null;
}

/** Where the first two roads named meet, moved to the corner named ("东北角"). */
function roadsCrossing(text: string, roads: Mention[]): FinePlace | null {
  const [a, b] = roads;
  const point = a.entry.road && b.entry.road ? crossing(a.entry.road.path, b.entry.road.path, 150) : null;
  if (!point) return null;
  const corner = text.slice(b.end).match(/(东北|东南|西北|西南)角/)?.[1];
  const [east, north] = corner ? COMPASS[corner] : [0, 0];
  return {
    precision: "crossing",
    point: offsetMetres(point, east * 30, north * 30),
    radius: corner ? 30 : 60,
    base: 0.85,
    matched: [a.entry, b.entry],
  };
}

/**
 * A landmark and what follows it: a side or gate moves the point that far out (a campus's south
 * gate is ~350 m from its centre), and the grid there is judged by its surroundings. Named alone or
 * with 门口/对面/附近, it is the matter of its own grid (属地), as an operator would send it: a
 * campus's ground spans many grids and nothing in the text says which, so the queue would only ask
 * a person the same question. The vaguer the relation, the less sure.
 */
function nearLandmark(entry: PlaceEntry, following: string): FinePlace {
  const extent = entry.extent ?? 30;
  const side = following.match(SIDE);
  const afterSide = side ? following.slice(side[0].length) : following;
  const relation = RELATIONS.find(([pattern]) => pattern.test(afterSide))?.[1] ?? 0;
  if (side) {
    const [east, north] = COMPASS[side[1]];
    const reach = side[2] === "角" ? Math.min(extent, 30) : extent;
    const point = offsetMetres([entry.lng, entry.lat], east * reach, north * reach);
    return { precision: "landmark", point, radius: Math.max(40, relation), base: 0.85, matched: [entry] };
  }
  const vagueness = relation >= 150 ? 0.8 : relation >= 60 ? 0.9 : 1;
  return { ...at(entry, "landmark", Math.max(extent, relation, 30), 0.9 * vagueness), territorial: true };
}

/**
 * 模糊 The landmark or compound whose name is most like the text (character bigrams), for
 * "东关南街菜市场" meaning 东关南街农贸市场; nothing unless clearly alike. Numbers and roads are
 * not spelt loosely: "金花南路323号" is neither 金花南路32号院 nor 环城南路323号院, however alike
 * they read, so a name must hold no number the text lacks and every road the text names.
 */
function resembled(gazetteer: Gazetteer, text: string, roads: readonly string[]): FinePlace | null {
  const core = text.replace(/(附近|对面|旁边|门口|周边|一带|这边|那边)$/, "");
  const written = new Set(core.match(/\d+/g));
  const best = gazetteer
    .resembling(core, ["landmark", "compound"], FUZZY_THRESHOLD)
    .find(
      ({ entry }) =>
        (entry.name.match(/\d+/g) ?? []).every((number) => written.has(number)) &&
        roads.every((road) => entry.name.includes(road)),
    );
  if (!best) return null;
  const place =
    best.entry.kind === "landmark" ? nearLandmark(best.entry, "") : at(best.entry, "compound", 40, 0.9);
  return { ...place, base: place.base * best.similarity };
}

/**
 * 占地 Where in a compound the caller may be: about its known buildings (an unknown one stands
 * among them), or, with fewer than two known, anywhere within 40 m of its point.
 */
function footprint(gazetteer: Gazetteer, compound: PlaceEntry): LngLat[] | undefined {
  const buildings = gazetteer.buildingsOf(compound.name);
  if (buildings.length < 2) return undefined;
  // Each building's point and its four sides, a house's width out.
  return buildings.flatMap(({ lng, lat }) => [
    [lng, lat] as LngLat,
    ...[
      [15, 0],
      [-15, 0],
      [0, 15],
      [0, -15],
    ].map(([east, north]) => offsetMetres([lng, lat], east, north)),
  ]);
}

function at(
  entry: PlaceEntry,
  precision: Precision,
  radius: number,
  base: number,
  also: PlaceEntry[] = [],
): FinePlace {
  return { precision, point: [entry.lng, entry.lat], radius, base, matched: [...also, entry] };
}

/** Only a road, community or street: the area is known, the grid is not. */
function areaOnly(
  gazetteer: Gazetteer,
  normalized: string,
  mentions: Mention[],
  areas: Mention[],
): Placement {
  const road = mentions.find((m) => m.entry.kind === "road")?.entry;
  const area = areas.find((m) => m.entry.kind === "community")?.entry ?? areas[0]?.entry;
  if (!area && !road) return empty(normalized, []);
  const point: LngLat = area ? [area.lng, area.lat] : alongPath(road?.road?.path ?? [], 0.5);
  const location = area ? gazetteer.locate(point[0], point[1]) : null;
  return {
    normalized,
    precision: area ? (area.kind as Precision) : "road",
    confidence: area?.kind === "street" ? 0.15 : 0.3,
    placed: false,
    point: { lng: point[0], lat: point[1] },
    grid: null,
    community: area?.kind === "community" ? { code: area.code ?? "", name: area.name } : null,
    street: location?.street ?? null,
    matched: [...(road ? [road] : []), ...areas.map((a) => a.entry)].map(summary),
    alternatives: [],
  };
}

function empty(normalized: string, matched: PlaceEntry[]): Placement {
  return {
    normalized,
    precision: "none",
    confidence: 0,
    placed: false,
    point: null,
    grid: null,
    community: null,
    street: null,
    matched: matched.map(summary),
    alternatives: [],
  };
}

/** 16 points on a circle of `radius` around the point and 8 at half the radius; none for 0. */
function circle(point: LngLat, radius: number): LngLat[] {
  if (radius === 0) return [];
  const samples: LngLat[] = [];
  for (const [steps, r] of [
    [16, radius],
    [8, radius / 2],
  ] as const)
    for (let i = 0; i < steps; i++) {
      const angle = (2 * Math.PI * i) / steps;
      samples.push(offsetMetres(point, r * Math.cos(angle), r * Math.sin(angle)));
    }
  return samples;
}

/** How many of the places the caller may be lie in the point's own grid, and which other grids share them. */
function surroundings(gazetteer: Gazetteer, samples: readonly LngLat[], gridCode: string) {
  const counts = new Map<string, { name: string; count: number }>();
  let total = 0;
  let same = 0;
  for (const [lng, lat] of samples) {
    const grid = gazetteer.locate(lng, lat)?.grid;
    // Outside the district does not count: whoever calls the district's hotline is inside it.
    if (!grid) continue;
    total++;
    if (grid.code === gridCode) same++;
    else counts.set(grid.code, { name: grid.name, count: (counts.get(grid.code)?.count ?? 0) + 1 });
  }
  const others = [...counts.entries()]
    .map(([code, { name, count }]) => ({ code, name, share: Math.round((count / total) * 100) / 100 }))
    .sort((a, b) => b.share - a.share);
  return { agreement: total === 0 ? 1 : same / total, others };
}

function summary(entry: PlaceEntry) {
  return { key: entry.key, kind: entry.kind, name: entry.name };
}
