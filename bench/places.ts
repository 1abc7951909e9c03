import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/db/database.js";
import { Gazetteer } from "../src/modules/places/gazetteer.js";
import { geocode } from "../src/modules/places/geocode.js";
import { alongPath, distanceMetres, type LngLat } from "../src/modules/places/geometry.js";
import { RegionDirectory } from "../src/modules/regions/directory.js";
import { mulberry32 } from "../src/modules/regions/geometry/prng.js";
import { toWgs84 } from "../src/platform/geo/coordinates.js";
import { PhoneVault } from "../src/platform/privacy/phone.js";
import { prepareDatabase } from "../src/server/bootstrap.js";

/** Written apart from the gazetteer's data; see the file's header for what "correct" means. */
const HELD_OUT = new URL("./data/held-out-addresses.tsv", import.meta.url);

interface HeldOut {
  address: string;
  expect: { kind: "point"; at: LngLat } | { kind: "road"; road: string } | { kind: "outside" };
}

/**
 * 地名库基准 Search and geocode latency over the demo gazetteer, and the placement rate on the
 * held-out list of written addresses, beside a baseline (the grid of the search's first hit, what
 * an operator picking the top suggestion would get). Numbers only; nothing is asserted.
 */
export async function benchPlaces(): Promise<Record<string, number>> {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await prepareDatabase(database, new PhoneVault(randomBytes(32)), { demo: false });
    const regions = await RegionDirectory.load(database.db);
    const started = performance.now();
    const gazetteer = await Gazetteer.load(database.db, regions);
    const loadMs = performance.now() - started;
    const stored = gazetteer.entries.filter((e) => e.id !== null).length;

    const random = mulberry32(7);
    const names = gazetteer.entries.map((e) => e.name);
    const queries = Array.from({ length: 4000 }, () => {
      const name = names[Math.floor(random() * names.length)];
      return name.slice(0, 1 + Math.floor(random() * Math.min(name.length, 6)));
    });
    const search = timeEach(queries, (q) => gazetteer.search(q, { limit: 10 }));

    const heldOut = readHeldOut();
    const demoAddresses = gazetteer.entries
      .filter((e) => e.kind === "building")
      .slice(0, 2000)
      .map((e, i) => `西安市碑林区${e.name}${1 + (i % 6)}单元${101 + (i % 20)}室`);
    const geocodeTimes = timeEach([...heldOut.map((h) => h.address), ...demoAddresses], (a) =>
      geocode(gazetteer, a),
    );

    const scored = heldOut.map((item) => score(gazetteer, item));
    const inside = scored.filter((s) => s.item.expect.kind !== "outside");
    const outside = scored.filter((s) => s.item.expect.kind === "outside");
    const demoPlaced = demoAddresses.filter((a) => geocode(gazetteer, a).placed).length;
    return {
      entries: gazetteer.entries.length,
      storedEntries: stored,
      loadMs,
      searchMedianUs: search.median,
      searchP99Us: search.p99,
      geocodeMedianUs: geocodeTimes.median,
      geocodeP99Us: geocodeTimes.p99,
      heldOutInside: inside.length,
      heldOutPlaced: inside.filter((s) => s.placed).length,
      heldOutCorrect: inside.filter((s) => s.placed && s.correct).length,
      heldOutNear: inside.filter((s) => s.placed && s.near).length,
      heldOutOutside: outside.length,
      heldOutOutsideWronglyPlaced: outside.filter((s) => s.placed).length,
      baselinePlaced: inside.filter((s) => s.baseline.placed).length,
      baselineCorrect: inside.filter((s) => s.baseline.placed && s.baseline.correct).length,
      demoAddresses: demoAddresses.length,
      demoPlaced,
      misses: scored.filter((s) => !s.correct).length,
      ...Object.fromEntries(
        scored.filter((s) => !s.correct).map((s, i) => [`miss ${i + 1}: ${s.item.address} → ${s.how}`, NaN]),
      ),
    };
  } finally {
    await database.close();
  }
}

function readHeldOut(): HeldOut[] {
  return readFileSync(HELD_OUT, "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const [address, expect] = line.split("\t");
      if (expect === "outside") return { address, expect: { kind: "outside" } };
      if (expect.startsWith("on:")) return { address, expect: { kind: "road", road: expect.slice(3) } };
      const [lng, lat] = expect.slice(4).split(",").map(Number);
      return { address, expect: { kind: "point", at: toWgs84(lng, lat, "gcj02") } };
    });
}

function score(gazetteer: Gazetteer, item: HeldOut) {
  const placement = geocode(gazetteer, item.address);
  const point: LngLat | null = placement.point ? [placement.point.lng, placement.point.lat] : null;
  const top = gazetteer.search(item.address, { limit: 1 })[0]?.entry;
  const baselinePoint: LngLat | null = top?.gridCode ? [top.lng, top.lat] : null;
  const judge = (placed: boolean, at: LngLat | null, gridCode: string | null) => {
    const expect = item.expect;
    if (expect.kind === "outside") return { correct: !placed, near: !placed };
    if (!placed || !at) return { correct: false, near: false };
    if (expect.kind === "point") {
      const truth = gazetteer.locate(expect.at[0], expect.at[1])?.grid.code ?? null;
      return { correct: truth === gridCode, near: distanceMetres(at, expect.at) <= 300 };
    }
    const road = gazetteer.named("road", expect.road)?.road;
    const gap = road ? nearestOnPath(road.path, at) : Infinity;
    return { correct: gap <= 100, near: gap <= 300 };
  };
  const verdict = judge(placement.placed, point, placement.grid?.code ?? null);
  const baseline = {
    placed: baselinePoint !== null,
    ...judge(baselinePoint !== null, baselinePoint, top?.gridCode ?? null),
  };
  const how = placement.placed
    ? `${placement.precision} ${placement.confidence} ${placement.grid?.name}`
    : `not placed (${placement.precision} ${placement.confidence})`;
  return { item, placed: placement.placed, ...verdict, baseline, how };
}

function nearestOnPath(path: LngLat[], point: LngLat): number {
  let best = Infinity;
  for (let i = 0; i <= 200; i++) best = Math.min(best, distanceMetres(alongPath(path, i / 200), point));
  return best;
}

function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown) {
  for (const input of inputs.slice(0, 200)) run(input);
  const times = inputs.map((input) => {
    const started = performance.now();
    run(input);
    return (performance.now() - started) * 1000;
  });
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)] };
}

export function reportPlaces(r: Record<string, number>): void {
  const line = (label: string, value: string) => console.log(`${label.padEnd(58)}${value.padStart(14)}`);
  const n = (value: number) => Math.round(value).toLocaleString("en-US");
  const rate = (part: number, whole: number) => `${part}/${whole} ${((100 * part) / whole).toFixed(1)}%`;
  line("gazetteer entries (regions + stored places)", `${n(r.entries)} (${n(r.storedEntries)})`);
  line("gazetteer load from the database", `${n(r.loadMs)} ms`);
  line("search: median / p99 (4,000 typed prefixes)", `${n(r.searchMedianUs)} / ${n(r.searchP99Us)} µs`);
  line(
    "geocode: median / p99 (held-out + 2,000 demo addresses)",
    `${n(r.geocodeMedianUs)} / ${n(r.geocodeP99Us)} µs`,
  );
  line("held-out, in the district: placed", rate(r.heldOutPlaced, r.heldOutInside));
  line("held-out, in the district: placed in the right grid", rate(r.heldOutCorrect, r.heldOutInside));
  line("held-out, in the district: placed within 300 m", rate(r.heldOutNear, r.heldOutInside));
  line(
    "held-out, outside the district: wrongly placed",
    rate(r.heldOutOutsideWronglyPlaced, r.heldOutOutside),
  );
  line("baseline (top search hit's grid): placed", rate(r.baselinePlaced, r.heldOutInside));
  line("baseline (top search hit's grid): right grid", rate(r.baselineCorrect, r.heldOutInside));
  line("demo compound addresses (not held out): placed", rate(r.demoPlaced, r.demoAddresses));
  for (const key of Object.keys(r).filter((k) => k.startsWith("miss "))) console.log(`  ${key}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  reportPlaces(await benchPlaces());
}
