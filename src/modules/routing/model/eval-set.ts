import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMAND_TYPES, type DemandType } from "../../demands/demand-types.js";
import type { GoldDemand } from "./metrics.js";

/**
 * The fixed evaluation set (data/routing-eval/eval-set.jsonl), written apart from all training
 * material. Only the bench and the promotion rule read it; nothing that shapes a model may.
 */
export const EVAL_SET_PATH = fileURLToPath(
  new URL("../../../../data/routing-eval/eval-set.jsonl", import.meta.url),
);

/**
 * The sets the bench reports on. The first was looked at while models were chosen (which kinds of
 * demand failed) from stop 20 on, so it now flatters them; the second, written later by another
 * author apart from the training material and the first, is read once per finished model.
 */
export const BENCH_EVAL_SETS = [
  { name: "set 1 (looked at while choosing models)", path: EVAL_SET_PATH },
  {
    name: "set 2 (held out)",
    path: fileURLToPath(new URL("../../../../data/routing-eval-2/eval-set.jsonl", import.meta.url)),
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
