import { findCategory } from "../../categories/tree.js";
import { ALL_SEEDS } from "../../demands/classify/generate-examples.js";
import { CATEGORY_KEYWORDS } from "../../demands/classify/lexicon.js";
import {
  CALLER_INTROS,
  CLOSINGS,
  FRAMES,
  LEVEL_SPOKEN_NAMES,
  UNIT_SPOKEN_NAMES,
} from "../../demands/classify/seeds/frames.js";
import type { LeafSeed } from "../../demands/classify/seeds/types.js";
import { stableHash } from "../../demands/classify/split.js";
import type { DemandType } from "../../demands/demand-types.js";
import { seededRandom } from "../model/linear.js";
import { PHRASES_A } from "./phrases-a.js";
import { PHRASES_B } from "./phrases-b.js";
import { PHRASES_C } from "./phrases-c.js";
import type { TrainingExample } from "./training-example.js";
import { frameVoice, problemType } from "./type-convention.js";
import { URGENCY_CORPUS } from "./urgency-corpus.js";
import {
  AFTERTHOUGHTS,
  ASKING_FRAMES,
  addFiller,
  addressPrefix,
  addTypo,
  EXTRA_FRAMES,
  fillSlots,
  pick,
  type Random,
  roughPunctuation,
} from "./variation.js";
import { loadWrittenDemands, writtenExamples } from "./written.js";

type Kind = "issue" | "ask" | "report" | "idea" | "urgent" | "praise";

interface Snippet {
  code: string;
  kind: Kind;
  text: string;
  leansHelp: boolean;
  source: TrainingExample["source"];
  group: string;
}

/** Instances per snippet kind: rarer kinds more, so every type and urgency has its share. */
const INSTANCES: Readonly<Record<Kind, number>> = {
  issue: 6,
  ask: 5,
  report: 8,
  idea: 5,
  urgent: 8,
  praise: 3,
};

const PHRASES: Readonly<Record<string, string>> = { ...PHRASES_A, ...PHRASES_B, ...PHRASES_C };

const MARKS: Readonly<Record<string, Kind>> = { "?": "ask", "!": "report", "+": "idea", "*": "urgent" };

function seedSnippets(code: string, seed: LeafSeed): Snippet[] {
  const of = (kind: Kind, texts: readonly string[] | undefined) =>
    (texts ?? []).map((text) => ({
      code,
      kind,
      text,
      leansHelp: seed.leansHelp === true,
      source: "seed" as const,
    }));
  return [
    ...of("issue", seed.issues),
    ...of("ask", seed.asks),
    ...of("report", seed.reports),
    ...of("idea", seed.ideas),
    ...of("urgent", seed.urgent),
    ...of("praise", seed.topic ? [seed.topic] : []),
  ].map((snippet, index) => ({ ...snippet, group: `seed:${code}:${index}` }));
}

function phraseSnippets(code: string, line: string, leansHelp: boolean): Snippet[] {
  return line.split("|").map((entry, index) => {
    const kind = MARKS[entry[0]];
    return {
      code,
      kind: kind ?? "issue",
      text: kind ? entry.slice(1) : entry,
      leansHelp,
      source: "phrase" as const,
      group: `phrase:${code}:${index}`,
    };
  });
}

/** Two or three keywords of the category's lexicon line, as a terse record would list them. */
function lexiconSnippets(code: string, line: string, random: Random): Snippet[] {
  const words = line.split(/\s+/).filter(Boolean);
  return [0, 1, 2].map((index) => {
    const chosen = [pick(random, words), pick(random, words), pick(random, words)];
    return {
      code,
      kind: "issue" as const,
      text: [...new Set(chosen)].join(random() < 0.5 ? "，" : "的问题，"),
      leansHelp: false,
      source: "lexicon" as const,
      group: `lexicon:${code}:${index}`,
    };
  });
}

/** Types of the kinds whose type does not depend on the frame. */
const KIND_TYPES: Readonly<Record<Exclude<Kind, "issue">, DemandType>> = {
  ask: "consult",
  report: "report",
  idea: "suggestion",
  urgent: "help",
  praise: "praise",
};

/** The frames a problem is told in (the 投诉 and 求助 lists), sorted by the type their words give it. */
const PROBLEM_FRAMES = [
  ...new Set([...FRAMES.complaint, ...FRAMES.help, ...EXTRA_FRAMES.complaint, ...EXTRA_FRAMES.help]),
];
const BLAMING_FRAMES = PROBLEM_FRAMES.filter((frame) => frameVoice(frame) === "complaint");
const HELPING_FRAMES = PROBLEM_FRAMES.filter((frame) => frameVoice(frame) === "help");
const RECORDING_FRAMES = PROBLEM_FRAMES.filter((frame) => frameVoice(frame) === null);

const REPORTING_FRAMES = [...FRAMES.report, ...EXTRA_FRAMES.report];

/**
 * A problem's frame and type: often a frame that only records it (the problem's wording decides the
 * type), sometimes a question about the rules (咨询), else one in the caller's own voice, mostly the
 * one the problem leans to (投诉, 求助, or 举报 for a violation).
 */
function problemFrame(snippet: Snippet, random: Random): { frame: string; type: DemandType } {
  const lean = problemType(snippet.text, snippet.leansHelp);
  const choice = random();
  if (choice < 0.4) return { frame: pick(random, RECORDING_FRAMES), type: lean };
  if (choice < 0.5) return { frame: pick(random, ASKING_FRAMES), type: "consult" };
  if (lean === "report")
    return choice < 0.8
      ? { frame: pick(random, REPORTING_FRAMES), type: "report" }
      : { frame: pick(random, BLAMING_FRAMES), type: "complaint" };
  const leaning = lean === "complaint" ? BLAMING_FRAMES : HELPING_FRAMES;
  const other = lean === "complaint" ? HELPING_FRAMES : BLAMING_FRAMES;
  const frame = pick(random, choice < 0.8 ? leaning : other);
  return { frame, type: frameVoice(frame) ?? lean };
}

function praiser(code: string, random: Random): string {
  const category = findCategory(code);
  const names = category?.unitCode ? UNIT_SPOKEN_NAMES[category.unitCode] : [];
  return random() < 0.7 && names.length > 0
    ? pick(random, names)
    : LEVEL_SPOKEN_NAMES[category?.handlingLevel ?? "district"];
}

function frameFor(snippet: Snippet, random: Random): { frame: string; type: DemandType } {
  if (snippet.kind === "issue") return problemFrame(snippet, random);
  // An emergency is 求助, unless it reports a violation or hazard someone made (举报), as a problem would.
  const type =
    snippet.kind === "urgent" && problemType(snippet.text, false) === "report"
      ? "report"
      : KIND_TYPES[snippet.kind];
  if (snippet.kind === "praise")
    return { frame: random() < 0.6 ? pick(random, FRAMES.praise) : pick(random, EXTRA_FRAMES.praise), type };
  const key = snippet.kind === "urgent" ? "urgent" : (type as "consult" | "report" | "suggestion");
  return { frame: random() < 0.5 ? pick(random, FRAMES[key]) : pick(random, EXTRA_FRAMES[key]), type };
}

/** Instances of one snippet: a frame each, then a place, filler, typo, afterthought or rough punctuation by chance. */
function instantiate(snippet: Snippet): TrainingExample[] {
  const random = seededRandom(stableHash(snippet.group));
  const examples: TrainingExample[] = [];
  for (let instance = 0; instance < INSTANCES[snippet.kind]; instance++) {
    const { frame, type } = frameFor(snippet, random);
    let text = frame.replace("{x}", snippet.text).replace("{u}", () => praiser(snippet.code, random));
    if (snippet.kind !== "praise") {
      if (!/\{[pcb]\}/.test(snippet.text) && random() < 0.45)
        text = random() < 0.5 ? addressPrefix(random) + text : pick(random, CALLER_INTROS) + text;
      if (random() < 0.15) text = addFiller(text, random);
      if (random() < 0.12) text = text.replace(/[。！？!?]*$/, pick(random, AFTERTHOUGHTS));
      if (random() < 0.15)
        text += /[。！？!?]$/.test(text) ? pick(random, CLOSINGS) : `，${pick(random, CLOSINGS)}`;
    }
    text = fillSlots(text, random);
    if (random() < 0.3) text = addTypo(text, random);
    if (random() < 0.25) text = roughPunctuation(text, random);
    examples.push({
      text,
      category: snippet.code,
      type,
      urgent: snippet.kind === "urgent",
      source: snippet.source,
      group: snippet.group,
      frame,
    });
  }
  return examples;
}

/** Every leaf's snippets from the seeds, the phrases and the lexicon, by code. */
function allSnippets(): Snippet[] {
  const codes = [...new Set([...Object.keys(ALL_SEEDS), ...Object.keys(PHRASES)])].sort();
  const snippets: Snippet[] = [];
  for (const code of codes) {
    const seed = ALL_SEEDS[code];
    if (seed) snippets.push(...seedSnippets(code, seed));
    if (PHRASES[code]) snippets.push(...phraseSnippets(code, PHRASES[code], seed?.leansHelp === true));
    const keywords = CATEGORY_KEYWORDS[code];
    if (keywords)
      snippets.push(...lexiconSnippets(code, keywords, seededRandom(stableHash(`lexicon:${code}`))));
  }
  return snippets;
}

const URGENCY_INSTANCES = 4;

/**
 * The urgency corpus as training examples for the urgency model only: each line as written, with an
 * address, with a caller's opening and closing, and hurried (a typo, rough punctuation).
 */
export function urgencyExamples(): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const [family, { urgent, calm }] of Object.entries(URGENCY_CORPUS)) {
    const lines = [
      ...urgent.map((text, i) => ({ text, urgent: true, group: `urgency:${family}:u${i}` })),
      ...calm.map((text, i) => ({ text, urgent: false, group: `urgency:${family}:c${i}` })),
    ];
    for (const line of lines) {
      const random = seededRandom(stableHash(line.group));
      for (let instance = 0; instance < URGENCY_INSTANCES; instance++) {
        let text = line.text;
        if (instance === 1) text = addressPrefix(random) + text;
        if (instance === 2) text = `${pick(random, CALLER_INTROS)}${text}，${pick(random, CLOSINGS)}`;
        if (instance === 3) text = roughPunctuation(addTypo(addFiller(text, random), random), random);
        examples.push({
          text: fillSlots(text, random),
          category: "",
          type: line.urgent ? "help" : "consult",
          urgent: line.urgent,
          source: "urgency",
          group: line.group,
          urgencyOnly: true,
        });
      }
    }
  }
  return examples;
}

/** Instances of each written demand (written.ts); five, not three, by --cv-written (model/train.ts). */
export const WRITTEN_INSTANCES = 5;

/**
 * The training set: deterministic (every snippet seeds its own PRNG), so the same sources give the
 * same examples in the same order. Duplicate texts are kept once.
 */
export function generateTrainingExamples(writtenInstances = WRITTEN_INSTANCES): TrainingExample[] {
  const seen = new Set<string>();
  const examples: TrainingExample[] = [];
  const sources = [
    allSnippets().flatMap(instantiate),
    writtenExamples(loadWrittenDemands(), writtenInstances),
    urgencyExamples(),
  ];
  for (const example of sources.flat()) {
    if (seen.has(example.text)) continue;
    seen.add(example.text);
    examples.push(example);
  }
  return examples;
}
