/**
 * Where demands come from: grids weighted so that some are hot spots (old compounds, market
 * streets), the residential compounds (小区/院) of each grid, and points inside the grid's polygon.
 */
import { fnv1a } from "../../modules/regions/geometry/prng.js";
import { Random, Weighted } from "./random.js";
import type { GridPlace, World } from "./world.js";

/** Roads and quarters of 碑林区 that compounds are named after. */
const ROADS = [
  "南大街",
  "东大街",
  "和平路",
  "建设路",
  "东木头市",
  "柏树林",
  "东关正街",
  "长乐西路",
  "咸宁西路",
  "兴庆路",
  "互助路",
  "雁塔北路",
  "友谊东路",
  "友谊西路",
  "太乙路",
  "南关正街",
  "含光北路",
  "李家村",
  "文艺路",
  "建东街",
  "边家村",
  "太白北路",
  "环城南路",
  "立新街",
  "开通巷",
  "湘子庙街",
  "书院门",
  "三学街",
  "张家村",
  "红缨路",
];

/** A grid with its compounds and how many demands it draws relative to an average grid. */
export interface PlacedGrid extends GridPlace {
  compounds: string[];
  weight: number;
}

/**
 * Every grid with its compounds and weight. Weights are log-normal (most grids ordinary, a few
 * several times busier), and one grid in twenty is a hot spot at three times that.
 */
export function placeGrids(world: World, r: Random): PlacedGrid[] {
  // A compound's name is unique in the district: two grids never share an address.
  const taken = new Set<string>();
  return world.grids.map((grid) => {
    const local = new Random(fnv1a(grid.code));
    const roads = [local.pick(ROADS), local.pick(ROADS)];
    const compounds: string[] = [];
    for (let attempt = 0, count = local.int(3, 7); compounds.length < count && attempt < 50; attempt++) {
      const road = local.pick(roads);
      const name = local.chance(0.7)
        ? `${road}${local.int(1, 199)}号院`
        : `${road.replace(/[路街巷]$/, "")}${local.pick(["小区", "家属院", "花园", "公寓"])}`;
      if (!taken.has(name)) compounds.push(name);
      taken.add(name);
    }
    const logNormal = Math.exp(0.5 * gaussian(r));
    return { ...grid, compounds, weight: logNormal * (r.chance(0.05) ? 3 : 1) };
  });
}

/** The grid distribution of ordinary demands. */
export function gridMix(grids: readonly PlacedGrid[]): Weighted<PlacedGrid> {
  return new Weighted(grids.map((g) => [g, g.weight] as const));
}

/** A standard normal draw (Box–Muller). */
function gaussian(r: Random): number {
  return Math.sqrt(-2 * Math.log(1 - r.float())) * Math.cos(2 * Math.PI * r.float());
}

/** An address in one of the grid's compounds, mostly down to the building and entrance. */
export function addressIn(r: Random, grid: PlacedGrid, compound = r.pick(grid.compounds)): string {
  return r.chance(0.85) ? `${compound}${r.int(1, 24)}号楼${r.int(1, 6)}单元` : compound;
}

/**
 * A point inside the grid (grids are not convex: draw in the bounding box until the locator agrees),
 * or null when twenty draws miss, which leaves the demand placed by its grid code alone.
 */
export function pointIn(r: Random, world: World, grid: GridPlace): { lng: number; lat: number } | null {
  const [minLng, minLat, maxLng, maxLat] = grid.bbox;
  for (let attempt = 0; attempt < 20; attempt++) {
    const lng = r.between(minLng, maxLng);
    const lat = r.between(minLat, maxLat);
    if (world.locate(lng, lat) === grid.code) return { lng, lat };
  }
  return null;
}
