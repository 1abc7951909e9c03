import { readdirSync, readFileSync } from "node:fs";
import { findCategory } from "../../categories/tree.js";
import { CALLER_INTROS, CLOSINGS } from "../../demands/classify/seeds/frames.js";
import { stableHash } from "../../demands/classify/split.js";
import { DEMAND_TYPES, type DemandType } from "../../demands/demand-types.js";
import { WRITING_STYLES } from "../model/eval-set.js";
import { seededRandom } from "../model/linear.js";
import type { TrainingExample } from "./training-example.js";
import {
  AFTERTHOUGHTS,
  addFiller,
  addressPrefix,
  addTypo,
  fillSlots,
  pick,
  roughPunctuation,
} from "./variation.js";

/**
 * Demands written by hand as residents say and type them (written/*.jsonl, see its README), each
 * labelled whole: leaf, type, urgency. Unlike the templated material, the words that carry a demand's
 * type sit where callers put them, so the type model learns how people speak, not the frames.
 */
export interface WrittenDemand {
  id: string;
  text: string;
  category: string;
  type: DemandType;
  urgent: boolean;
  style: string;
  source: string;
}

const WRITTEN_FOLDER = new URL("./written/", import.meta.url);

/** Why a line is not a well-formed written demand, or null when it is. */
export function writtenDemandProblem(line: unknown): string | null {
  if (typeof line !== "object" || line === null) return "not an object";
  const demand = line as Record<string, unknown>;
  const keys = ["id", "text", "category", "type", "urgent", "style", "source"];
  const extra = Object.keys(demand).filter((key) => !keys.includes(key));
  if (extra.length > 0) return `unknown fields ${extra.join(", ")}`;
  if (typeof demand.id !== "string" || demand.id === "") return "no id";
  if (typeof demand.text !== "string" || demand.text.trim().length < 2) return "no text";
  const category = typeof demand.category === "string" ? findCategory(demand.category) : undefined;
  if (category?.level !== 3) return `category ${String(demand.category)} is not a leaf`;
  if (!DEMAND_TYPES.includes(demand.type as DemandType)) return `type ${String(demand.type)}`;
  if (typeof demand.urgent !== "boolean") return "urgent is not a boolean";
  if (!WRITING_STYLES.includes(demand.style as (typeof WRITING_STYLES)[number]))
    return `style ${String(demand.style)}`;
  if (typeof demand.source !== "string" || !demand.source.startsWith("written:")) return "source";
  return null;
}

/** Every written demand, file by file in name order; a malformed line stops training. */
export function loadWrittenDemands(folder: URL = WRITTEN_FOLDER): WrittenDemand[] {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  return files.flatMap((name) =>
    readFileSync(new URL(name, folder), "utf8")
      .split("\n")
      .flatMap((line, index) => {
        if (line.trim() === "") return [];
        const demand: unknown = JSON.parse(line);
        const problem = writtenDemandProblem(demand);
        if (problem) throw new Error(`${name} line ${index + 1}: ${problem}`);
        return [demand as WrittenDemand];
      }),
  );
}

/**
 * A written demand as up to five training examples: as written, as a caller opens and closes it on
 * the phone, hurried (a typo, rough punctuation), after an address, and with a filler and an
 * afterthought. Its instances share a group, so cross-validation holds the whole demand out; its
 * frame is its own (it was told in no template).
 */
export function writtenExamples(demands: readonly WrittenDemand[], instances: number): TrainingExample[] {
  return demands.flatMap((demand) => {
    const group = `written:${demand.id}`;
    const random = seededRandom(stableHash(group));
    const variants = [
      demand.text,
      fillSlots(`${pick(random, CALLER_INTROS)}${demand.text}，${pick(random, CLOSINGS)}`, random),
      roughPunctuation(addTypo(demand.text, random), random),
      addressPrefix(random) + demand.text,
      addFiller(demand.text, random).replace(/[。！？!?]*$/, pick(random, AFTERTHOUGHTS)),
    ];
    return variants.slice(0, instances).map((text, instance) => ({
      text,
      category: demand.category,
      type: demand.type,
      urgent: demand.urgent,
      source: "written" as const,
      group,
      frame: group,
      asWritten: instance === 0,
    }));
  });
}
