/**
 * Expands the hand-written seeds (seeds/*.ts) into examples.json: each snippet × a few type frames ×
 * places in 碑林区. Deterministic (every template group seeds its own PRNG), so re-running it
 * reproduces the file byte for byte:
 *
 *   npx tsx src/modules/demands/classify/generate-examples.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findCategory } from "../../categories/tree.js";
import { CIVIL_CITY_LEGAL_SEEDS } from "./seeds/civil-city-legal.js";
import { ENVIRONMENT_TRANSPORT_SEEDS } from "./seeds/environment-transport.js";
import {
  CALLER_INTROS,
  CLOSINGS,
  COMPOUND_SUFFIXES,
  DURATIONS,
  FRAMES,
  isOperatorFrame,
  isTestFrame,
  LANDMARK_SUFFIXES,
  LANDMARKS,
  LEVEL_SPOKEN_NAMES,
  ROAD_SUFFIXES,
  ROADS,
  UNIT_SPOKEN_NAMES,
} from "./seeds/frames.js";
import { LABOUR_EDUCATION_HEALTH_SEEDS } from "./seeds/labour-education-health.js";
import { MARKET_SAFETY_SEEDS } from "./seeds/market-safety.js";
import type { LeafSeed, SeedTable } from "./seeds/types.js";
import { URBAN_UTILITY_SEEDS } from "./seeds/urban-utilities.js";
import { stableHash } from "./split.js";
import type { DemandType, LabelledExample } from "./types.js";

export const ALL_SEEDS: SeedTable = {
  ...URBAN_UTILITY_SEEDS,
  ...ENVIRONMENT_TRANSPORT_SEEDS,
  ...LABOUR_EDUCATION_HEALTH_SEEDS,
  ...MARKET_SAFETY_SEEDS,
  ...CIVIL_CITY_LEGAL_SEEDS,
};

type SnippetKind = "issue" | "ask" | "report" | "idea" | "urgent" | "praise";

/** How many examples each snippet kind yields: rarer kinds more, to balance types and reach ~6% urgent. */
const INSTANCES: Readonly<Record<SnippetKind, number>> = {
  issue: 2,
  ask: 2,
  report: 3,
  idea: 3,
  urgent: 3,
  praise: 1,
};

type Random = () => number;

/** mulberry32: tiny seeded PRNG. */
function seededRandom(seed: number): Random {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function place(random: Random): string {
  return random() < 0.6
    ? pick(random, ROADS) + pick(random, ROAD_SUFFIXES)
    : pick(random, LANDMARKS) + pick(random, LANDMARK_SUFFIXES);
}

function fillSlots(text: string, random: Random): string {
  return text
    .replaceAll("{p}", () => place(random))
    .replaceAll("{c}", () => {
      const base = random() < 0.6 ? pick(random, ROADS) : pick(random, LANDMARKS);
      return base + pick(random, COMPOUND_SUFFIXES).replace("#", String(1 + Math.floor(random() * 30)));
    })
    .replaceAll(
      "{b}",
      () =>
        `${1 + Math.floor(random() * 18)}号楼${random() < 0.5 ? `${1 + Math.floor(random() * 4)}单元` : ""}`,
    )
    .replaceAll("{d}", () => pick(random, DURATIONS));
}

function typeOf(kind: SnippetKind, seed: LeafSeed, instance: number, random: Random): DemandType {
  switch (kind) {
    case "issue": {
      // Residents phrase the same problem as a complaint or a plea for help; one leaning dominates.
      const lean: DemandType = seed.leansHelp ? "help" : "complaint";
      const other: DemandType = seed.leansHelp ? "complaint" : "help";
      return instance > 0 && random() < 0.4 ? other : lean;
    }
    case "ask":
      return "consult";
    case "report":
      return "report";
    case "idea":
      return "suggestion";
    case "urgent":
      return "help";
    case "praise":
      return "praise";
  }
}

function praiser(code: string, random: Random): string {
  const category = findCategory(code);
  if (!category) throw new Error(`unknown category ${code}`);
  const names = category.unitCode ? UNIT_SPOKEN_NAMES[category.unitCode] : [];
  return random() < 0.7 && names.length > 0
    ? pick(random, names)
    : LEVEL_SPOKEN_NAMES[category.handlingLevel];
}

/** One seed snippet; its instances form a template group that stays on one side of the split. */
interface Snippet {
  code: string;
  seed: LeafSeed;
  kind: SnippetKind;
  text: string;
  group: string;
}

function snippetsOf(code: string, seed: LeafSeed): Snippet[] {
  const of = (kind: SnippetKind, texts: readonly string[] | undefined) =>
    (texts ?? []).map((text) => ({ code, seed, kind, text }));
  return [
    ...of("issue", seed.issues),
    ...of("ask", seed.asks),
    ...of("report", seed.reports),
    ...of("idea", seed.ideas),
    ...of("urgent", seed.urgent),
    ...of("praise", seed.topic ? [seed.topic] : []),
  ].map((snippet, index) => ({ ...snippet, group: `${code}:${snippet.kind}:${index}` }));
}

/** Roughly one group in five of every category is held out, chosen by hash rank. */
function heldOutGroups(code: string, groups: readonly string[]): Set<string> {
  const ranked = [...groups].sort((a, b) => stableHash(a) - stableHash(b));
  const offset = stableHash(code) % 5;
  return new Set(ranked.filter((_, rank) => rank % 5 === offset));
}

function instantiate({ code, seed, kind, text: snippet, group }: Snippet, test: boolean): LabelledExample[] {
  const random = seededRandom(stableHash(group));
  const examples: LabelledExample[] = [];
  const offset = Math.floor(random() * FRAMES.complaint.length);
  for (let instance = 0; instance < INSTANCES[kind]; instance++) {
    const type = typeOf(kind, seed, instance, random);
    const frames = FRAMES[kind === "urgent" ? "urgent" : type].filter((_, i) => isTestFrame(i) === test);
    // Consecutive frames, so two instances of a snippet never share one.
    const frame = frames[(offset + instance) % frames.length];
    let text = frame.replace("{x}", snippet).replace("{u}", () => praiser(code, random));
    const namesPlace = /\{[pcb]\}/.test(snippet);
    if (kind !== "praise" && !namesPlace && !isOperatorFrame(frame) && random() < 0.35) {
      text = pick(random, CALLER_INTROS) + text;
    }
    if (kind !== "praise" && random() < 0.2)
      text += /[。！？!?]$/.test(text) ? pick(random, CLOSINGS) : `，${pick(random, CLOSINGS)}`;
    examples.push({
      text: fillSlots(text, random),
      category: code,
      type,
      urgent: kind === "urgent",
      group,
      split: test ? "test" : "train",
    });
  }
  return examples;
}

/** All examples, ordered by category then seed order, without duplicate texts. */
export function generateExamples(seeds: SeedTable = ALL_SEEDS): LabelledExample[] {
  const seen = new Set<string>();
  const examples: LabelledExample[] = [];
  for (const code of Object.keys(seeds).sort()) {
    const snippets = snippetsOf(code, seeds[code]);
    const test = heldOutGroups(
      code,
      snippets.map((snippet) => snippet.group),
    );
    for (const snippet of snippets) {
      for (const example of instantiate(snippet, test.has(snippet.group))) {
        if (seen.has(example.text)) continue;
        seen.add(example.text);
        examples.push(example);
      }
    }
  }
  return examples;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const examples = generateExamples();
  const target = fileURLToPath(new URL("./examples.json", import.meta.url));
  writeFileSync(target, `[\n${examples.map((example) => JSON.stringify(example)).join(",\n")}\n]\n`);
  console.log(`wrote ${examples.length} examples to ${target}`);
}
