import { normalizeText, segment } from "../../demands/classify/tokenizer.js";
import { TYPE_CUES } from "./type-cues.js";

/** A clause with the marks that close it. */
const CLAUSES = /[^，,。！？!?；;\n\s]+[，,。！？!?；;\n\s]*/g;
const ASKED = /[吗呢么嘛][，,。！？!?；;\n\s]*$|[？?]/;

/**
 * How the caller speaks ("d:"), which the demand type follows more than the topic does: a clause
 * asked as a question (a question mark, or a final 吗/呢/么 — stop words to jieba and cut off from
 * the n-grams at a clause's end), whether the last clause is one, a clause ending in 吧 (a proposal),
 * an exclamation.
 */
function discourseFeatures(normalized: string): string[] {
  const clauses = normalized.match(CLAUSES) ?? [];
  const features = new Set<string>();
  clauses.forEach((clause, index) => {
    if (ASKED.test(clause)) features.add(index === clauses.length - 1 ? "d:末句问" : "d:问句");
    if (/吧[，,。！？!?；;\n\s]*$/.test(clause)) features.add("d:句末吧");
    if (/[！!]/.test(clause)) features.add("d:感叹");
  });
  return [...features];
}

/**
 * Kinds of type-carrying wording ("t:", type-cues.ts): whether the text asks, thanks, proposes,
 * accuses, blames or asks for help, and whether the last two clauses do (the request a call ends on
 * decides more than its background). The words of one kind share a feature, so a word the training
 * frames never used still counts for its kind.
 */
function typeCueFeatures(normalized: string): string[] {
  const clauses = normalized.match(CLAUSES) ?? [];
  const last = clauses.slice(-2).join("");
  const features: string[] = [];
  for (const [name, cue] of TYPE_CUES) {
    if (cue.test(normalized)) features.push(`t:${name}`);
    if (last && cue.test(last)) features.push(`t:末${name}`);
  }
  return features;
}

/**
 * Features of a demand: jieba words ("w:") beside character bigrams and trigrams of the Chinese runs
 * ("c:"), and the caller's way of speaking ("d:"). The n-grams still match when a resident writes a
 * word the training data never had, or a typo splits jieba's cut differently (漏汽 shares 漏 with 漏气;
 * 燃汽味 shares 燃 and 味).
 */
export function featuresOf(text: string): string[] {
  const normalized = normalizeText(typeof text === "string" ? text : "");
  const features = [
    ...segment(normalized).map((word) => `w:${word}`),
    ...discourseFeatures(normalized),
    ...typeCueFeatures(normalized),
  ];
  for (const run of normalized.split(/[^\p{Script=Han}]+/u)) {
    for (let i = 0; i + 1 < run.length; i++) {
      features.push(`c:${run.slice(i, i + 2)}`);
      if (i + 2 < run.length) features.push(`c:${run.slice(i, i + 3)}`);
    }
  }
  return features;
}

/** Feature counts of a text, log-scaled and L2-normalised so long calls do not dominate. */
export function featureVector(
  text: string,
  index: ReadonlyMap<string, number>,
): { ids: number[]; values: number[] } {
  const counts = new Map<number, number>();
  for (const feature of featuresOf(text)) {
    const id = index.get(feature);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = [...counts.keys()].sort((a, b) => a - b);
  const values = ids.map((id) => 1 + Math.log(counts.get(id) as number));
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return { ids, values: values.map((value) => value / norm) };
}

/** The words an operator reads for a feature: the word or n-gram without its prefix. */
export function featureText(feature: string): string {
  return feature.slice(2);
}

/** Whether a feature is a type cue ("t:"), which the category model leaves out. */
export function isTypeCue(feature: string): boolean {
  return feature.startsWith("t:");
}

/**
 * The vector without the type cues, normalised again: what the category model reads, the same as
 * before the cues were features (they say how a caller speaks, not about what).
 */
export function withoutTypeCues(
  doc: { ids: number[]; values: number[] },
  typeCue: readonly boolean[],
): { ids: number[]; values: number[] } {
  const keep = doc.ids.flatMap((id, k) => (typeCue[id] ? [] : [k]));
  const values = keep.map((k) => doc.values[k]);
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return { ids: keep.map((k) => doc.ids[k]), values: values.map((value) => value / norm) };
}
