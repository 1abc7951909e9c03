import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/db/database.js";
import { Gazetteer } from "../src/modules/places/gazetteer.js";
import { geocode } from "../src/modules/places/geocode.js";
import { alongPath } from "../src/modules/places/geometry.js";
import type { PlaceEntry } from "../src/modules/places/types.js";
import { RegionDirectory } from "../src/modules/regions/directory.js";
import { PhoneVault } from "../src/platform/privacy/phone.js";
import { prepareDatabase } from "../src/server/bootstrap.js";
import { EXPORT_HEADERS, generateCityExport } from "./city-hotline-export.js";

const ROWS = 10_000;
const ADDRESS = EXPORT_HEADERS.indexOf("诉求地址");
/** A side named after a landmark moves it there: the export knows only the landmark, so these are not checked. */
const SIDE = /(东北|东南|西北|西南|东|西|南|北)(门|侧|边|面|角|口)$/;

/**
 * 12345 落格核对 The 12345 bench's 10,000 addresses geocoded against the entry each was drawn from:
 * how many are placed, how many of those on the grid that holds the entry (a door number: where its
 * number falls on its side of the road), and why the rest were not. A landmark placed on its own
 * grid by 属地 is right by that rule, not by where the caller stood, so those rows are counted apart. No database writes; run with
 * BENCH_ONLY=city-placement, and PLACEMENT_ROWS=1 to list every unplaced or wrongly placed row.
 */
export async function benchCityPlacement(): Promise<Record<string, number>> {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await prepareDatabase(database, new PhoneVault(randomBytes(32)), { demo: false });
    const gazetteer = await Gazetteer.load(database.db, await RegionDirectory.load(database.db));
    const drawn: (PlaceEntry | null)[] = [];
    const rows = generateCityExport(gazetteer, ROWS, 12345, drawn).slice(1);
    const tally: Record<string, number> = {
      rows: ROWS,
      placed: 0,
      checked: 0,
      right: 0,
      sideMoved: 0,
      territorial: 0,
    };
    const add = (key: string) => {
      tally[key] = (tally[key] ?? 0) + 1;
    };
    rows.forEach((row, i) => {
      const address = row[ADDRESS];
      const entry = drawn[i];
      const placement = geocode(gazetteer, address);
      const kind = entry?.kind ?? "area or nothing";
      add(`${kind}: rows`);
      const truth = entry ? truthGrid(gazetteer, entry, address) : null;
      if (!placement.placed) {
        const why = !entry
          ? "names no place"
          : truth === null
            ? "door number outside the district"
            : `${placement.precision} at confidence < 0.6`;
        add(`unplaced, ${kind}: ${why}`);
        if (process.env.PLACEMENT_ROWS && entry)
          console.log(`unplaced\t${address}\t${placement.precision} ${placement.confidence}`);
        return;
      }
      tally.placed++;
      add(`${kind}: placed`);
      const ownShare = 1 - placement.alternatives.reduce((sum, a) => sum + a.share, 0);
      if (placement.precision === "landmark" && ownShare < 1 / 3) tally.territorial++;
      if (entry?.kind === "landmark" && SIDE.test(address) && placement.grid?.code !== truth) {
        tally.sideMoved++;
        return;
      }
      tally.checked++;
      if (placement.grid?.code === truth) tally.right++;
      else if (process.env.PLACEMENT_ROWS) console.log(`wrong\t${address}\t${placement.grid?.name}`);
    });
    return tally;
  } finally {
    await database.close();
  }
}

/** The grid of the entry an address was made from; a door number's, where the number falls (null outside). */
function truthGrid(gazetteer: Gazetteer, entry: PlaceEntry, address: string): string | null {
  if (!entry.road) return gazetteer.locate(entry.lng, entry.lat)?.grid.code ?? null;
  const number = Number(address.match(/(\d+)号$/)?.[1]);
  const { path, from, to } = entry.road;
  const side = number % 2 === 1 ? 35 : -35;
  // As the geocoder reads it: a numbered side outside the district puts the door across the road.
  for (const across of [side, -side]) {
    const [lng, lat] = alongPath(path, (number - from) / (to - from), across);
    const grid = gazetteer.locate(lng, lat)?.grid.code;
    if (grid) return grid;
  }
  return null;
}

export function reportCityPlacement(r: Record<string, number>): void {
  const percent = (n: number, of: number) => `${n}/${of} (${((100 * n) / of).toFixed(1)} %)`;
  console.log(`12345 export, ${r.rows} addresses: placed ${percent(r.placed, r.rows)}`);
  console.log(`  right grid, of the placed rows that can be checked: ${percent(r.right, r.checked)}`);
  console.log(`  landmarks moved to the side named, onto another grid (not checkable): ${r.sideMoved}`);
  console.log(
    `  landmarks placed on their own grid (属地) though under a third of the ground around them is in it: ${r.territorial}`,
  );
  for (const [key, n] of Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))
    if (key.includes(":")) console.log(`  ${key.padEnd(60)} ${n}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  reportCityPlacement(await benchCityPlacement());
