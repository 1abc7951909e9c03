import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMAND_TYPES, type DemandType } from "../../demands/demand-types.js";
import type { GoldDemand } from "./metrics.js";

/**
 * The fixed evaluation set (data/routing-eval/eval-set.jsonl), written apart from all training
 * material. Only the bench and the promotion rule read it; nothing that shapes a model may.
 */
/** A file of the repository's data/ folder. */
const dataFile = (path: string) => fileURLToPath(new URL(`../../../../data/${path}`, import.meta.url));

export const EVAL_SET_PATH = dataFile("routing-eval/eval-set.jsonl");

/**
 * The sets the bench reports on. The first was looked at while models were chosen (which kinds of
 * demand failed) from stop 20 on, so it now flatters them; the second, written later by another
 * author apart from the training material and the first, is read once per finished model.
 */
export const BENCH_EVAL_SETS = [
  {
    name: "set 1 (looked at while choosing models)",
    path: EVAL_SET_PATH,
    secondReading: dataFile("routing-eval/second-reading.tsv"),
  },
  {
    name: "set 2 (held out)",
    path: dataFile("routing-eval-2/eval-set.jsonl"),
    secondReading: dataFile("routing-eval-2/second-reading.tsv"),
  },
] as const;

/**
 * How a demand is written (the evaluation sets' and the written training demands' `style`): spoken
 * with 西安 speech, a few words, a paragraph, with typos, several problems, a located report, a
 * complaint about earlier handling, an operator's record.
 */
export const WRITING_STYLES = [
  "colloquial",
  "short",
  "long",
  "typo",
  "multi",
  "address",
  "complaint-about-handling",
  "hotline-record",
] as const;

/**
 * A text as compared for copies between evaluation and training material: without spaces and
 * punctuation, so a copy with a changed comma still counts as a copy.
 */
export const comparableText = (text: string): string => text.replace(/[\s\p{P}]/gu, "");

export interface EvalDemand extends GoldDemand {
  id: string;
  style: string;
  source: string;
}

/** The evaluation set, or null when this checkout has none. Malformed lines are an error, not skipped. */
export function loadEvalSet(path = EVAL_SET_PATH): EvalDemand[] | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const row = JSON.parse(line) as EvalDemand;
      const valid =
        typeof row.text === "string" &&
        typeof row.category === "string" &&
        typeof row.top === "string" &&
        DEMAND_TYPES.includes(row.type as DemandType) &&
        typeof row.urgent === "boolean";
      if (!valid) throw new Error(`${path}:${index + 1}: not an evaluation demand`);
      return row;
    });
}

/**
 * A second reading of an evaluation set's types (second-reading.tsv beside it): readers who saw
 * neither the author's labels nor each other's typed every text by the same label rules. How often
 * a reader agrees with the author is what the type rule's boundaries allow a careful person — the
 * bench prints it beside the model. Types by demand id, one per reader; null when the file is absent.
 */
export function loadSecondReading(path: string): Map<string, DemandType[]> | null {
  if (!existsSync(path)) return null;
  const [header, ...lines] = readFileSync(path, "utf8").split("\n");
  const readers = header.split("\t").length - 1;
  const reading = new Map<string, DemandType[]>();
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const [id, ...types] = line.split("\t");
    const valid =
      types.length === readers && types.every((type) => DEMAND_TYPES.includes(type as DemandType));
    if (!valid || reading.has(id))
      throw new Error(`${path}:${index + 2}: not a second reading of one demand`);
    reading.set(id, types as DemandType[]);
  });
  return reading;
}
