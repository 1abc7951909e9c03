import { toWgs84 } from "../../platform/geo/coordinates.js";
import { fnv1a, mulberry32 } from "../regions/geometry/prng.js";
import { BEILIN_LANDMARKS, type LandmarkSource } from "./data/beilin-landmarks.js";
import { BEILIN_ROADS } from "./data/beilin-roads.js";
import { alongPath, type LngLat, offsetMetres, pathLength } from "./geometry.js";
import type { PlaceRecord } from "./types.js";

/** A grid as the generator sees it: its code and its bounding box. */
export interface GridFrame {
  code: string;
  bbox: [number, number, number, number];
}

/** Point → grid code of the district's grids (null outside the district). */
export type Locate = (lng: number, lat: number) => string | null;

/** 门牌间距 metres of road per house number (odd numbers on one side, even on the other). */
const METRES_PER_NUMBER = 5;
/** 院落离路 how far a numbered compound's point sits from the road's centre line. */
const COMPOUND_SETBACK_METRES = 35;
const MIN_COMPOUNDS_PER_GRID = 3;
const MAX_ROAD_COMPOUNDS_PER_GRID = 4;

/** Words named compounds are made of (小区/家属院/花园…), as 碑林区's are. */
const COMPOUND_STEMS = [
  "锦绣",
  "金色",
  "翠华",
  "兴庆",
  "和平",
  "长乐",
  "文景",
  "东方",
  "南苑",
  "太白",
  "书香",
  "碑林",
  "雁塔",
  "朱雀",
  "永宁",
  "安居",
  "康乐",
  "幸福",
  "建工",
  "电力",
  "铁路",
  "邮电",
  "纺织",
  "仪表",
  "测绘",
  "地质",
  "省建",
  "市政",
  "交运",
  "煤炭",
  "教育",
  "卫生",
  "水文",
  "气象",
  "林业",
  "机械",
  "新华",
  "光明",
  "紫薇",
  "枫叶",
  "曲江",
  "华清",
  "秦岭",
  "终南",
  "明德",
  "崇文",
  "尚德",
  "文华",
  "长安",
  "含光",
  "开元",
  "春晖",
];
const COMPOUND_MIDDLES = ["", "", "", "东", "西", "南", "北", "新", "雅", "景"];
const COMPOUND_KINDS = ["小区", "家属院", "花园", "公寓", "苑", "家园", "大厦", "新村"];

/**
 * 生成演示地名 The demo gazetteer: the real roads and landmarks converted to WGS-84, compounds
 * along the roads named by their door number ("东关南街88号院", placed where number 88 falls), named
 * compounds filling every grid to at least three, and numbered buildings in a third of the compounds.
 * Deterministic: the same grids give the same entries on every run.
 */
export function generateDemoPlaces(grids: readonly GridFrame[], locate: Locate): PlaceRecord[] {
  const roads = BEILIN_ROADS.map((source) => {
    const path = source.path.map(([lng, lat]) => toWgs84(lng, lat, "gcj02"));
    const to = Math.max(20, Math.round(pathLength(path) / METRES_PER_NUMBER));
    return { source, path, to };
  });
  const records: PlaceRecord[] = roads.map(({ source, path, to }) => {
    const [lng, lat] = alongPath(path, 0.5);
    return place("road", source.name, lng, lat, {
      aliases: source.aliases ?? [],
      road: { path, from: 1, to },
    });
  });
  for (const landmark of BEILIN_LANDMARKS) {
    const [lng, lat] = toWgs84(landmark.at[0], landmark.at[1], "gcj02");
    const extent = landmark.extent ?? defaultExtent(landmark.name, landmark.category);
    if (locate(lng, lat)) records.push(place("landmark", landmark.name, lng, lat, { ...landmark, extent }));
  }
  const taken = new Set(records.map((r) => r.name));
  const compoundsByGrid = new Map<string, PlaceRecord[]>();
  const addCompound = (grid: string, record: PlaceRecord) => {
    taken.add(record.name);
    compoundsByGrid.set(grid, [...(compoundsByGrid.get(grid) ?? []), record]);
  };
  for (const { source, path, to } of roads) {
    const random = mulberry32(fnv1a(source.name));
    for (let number = 1 + Math.floor(random() * 10); number <= to; number += 6 + Math.floor(random() * 14)) {
      const side = number % 2 === 1 ? COMPOUND_SETBACK_METRES : -COMPOUND_SETBACK_METRES;
      const [lng, lat] = alongPath(path, (number - 1) / (to - 1), side);
      const grid = locate(lng, lat);
      const name = `${source.name}${number}号院`;
      if (!grid || taken.has(name) || (compoundsByGrid.get(grid)?.length ?? 0) >= MAX_ROAD_COMPOUNDS_PER_GRID)
        continue;
      addCompound(grid, place("compound", name, lng, lat));
    }
  }
  for (const grid of grids) {
    const random = mulberry32(fnv1a(`compounds:${grid.code}`));
    for (
      let attempt = 0;
      (compoundsByGrid.get(grid.code)?.length ?? 0) < MIN_COMPOUNDS_PER_GRID && attempt < 40;
      attempt++
    ) {
      const name = `${pick(random, COMPOUND_STEMS)}${pick(random, COMPOUND_MIDDLES)}${pick(random, COMPOUND_KINDS)}`;
      const point = pointInGrid(random, grid, locate);
      if (point && !taken.has(name)) addCompound(grid.code, place("compound", name, point[0], point[1]));
    }
  }
  for (const [gridCode, compounds] of compoundsByGrid) {
    records.push(...compounds);
    for (const compound of compounds) records.push(...buildingsOf(compound, gridCode, locate));
  }
  return records;
}

/** Numbered buildings (1号楼…) of about a third of the compounds, each within 40 m of it and in its grid. */
function buildingsOf(compound: PlaceRecord, gridCode: string, locate: Locate): PlaceRecord[] {
  const random = mulberry32(fnv1a(`buildings:${compound.name}`));
  if (random() < 0.7) return [];
  const count = 2 + Math.floor(random() * 7);
  const buildings: PlaceRecord[] = [];
  for (let n = 1; n <= count; n++) {
    let point: LngLat = [compound.lng, compound.lat];
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = offsetMetres(point, (random() - 0.5) * 80, (random() - 0.5) * 80);
      if (locate(candidate[0], candidate[1]) === gridCode) {
        point = candidate;
        break;
      }
    }
    buildings.push(place("building", `${n}号楼`, point[0], point[1], { compound: compound.name }));
  }
  return buildings;
}

function pointInGrid(random: () => number, grid: GridFrame, locate: Locate): LngLat | null {
  const [minLng, minLat, maxLng, maxLat] = grid.bbox;
  for (let attempt = 0; attempt < 30; attempt++) {
    const lng = minLng + (maxLng - minLng) * random();
    const lat = minLat + (maxLat - minLat) * random();
    if (locate(lng, lat) === grid.code) return [lng, lat];
  }
  return null;
}

/**
 * 占地 How far a landmark's ground reaches from its point: a campus ~350 m, a park ~250 m, a hospital
 * or stadium ~120 m, a school ~80 m. Only a university is a campus: "西安交通大学附属中学" is a school,
 * "西安交通大学第一附属医院" a hospital and "建筑科技大学·李家村站" a station, whatever their names say.
 */
function defaultExtent(name: string, category: LandmarkSource["category"]): number {
  if (category === "school" && /大学|学院|校区/.test(name) && !/中学|小学|附中|幼儿园/.test(name)) return 350;
  if (category === "park") return 250;
  // A community clinic (社区卫生服务中心) is a ground floor, not a hospital's grounds.
  if (category === "hospital" && /社区卫生服务|卫生室|诊所/.test(name)) return 30;
  if (category === "hospital" || category === "sport") return 120;
  if (category === "school") return 80;
  return 30;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function place(
  kind: PlaceRecord["kind"],
  name: string,
  lng: number,
  lat: number,
  extra: Partial<Pick<PlaceRecord, "aliases" | "category" | "road" | "compound" | "extent">> = {},
): PlaceRecord {
  return {
    kind,
    name,
    aliases: extra.aliases ?? [],
    category: extra.category ?? null,
    lng: round(lng),
    lat: round(lat),
    road: extra.road ?? null,
    compound: extra.compound ?? null,
    extent: extra.extent ?? null,
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
