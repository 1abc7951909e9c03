import { readFileSync } from "node:fs";
import { DEMAND_TYPES, type DemandType } from "../../demands/demand-types.js";
import type { WrittenDemand } from "./written.js";

/**
 * A second reading of the written demands' types (诉求类型复核, written/type-review.tsv, see the
 * folder's README): two annotators who saw neither the writer's label nor each other's typed every
 * written demand by the label rules. Thirty writers drew the rule's boundaries (求助 or 投诉, 投诉 or
 * 举报) each a little differently; three votes per demand give the model one convention to learn.
 */
const REVIEW_FILE = new URL("./written/type-review.tsv", import.meta.url);

/** The type a demand is trained with: the majority of its writer's and annotators' votes. */
export function majorityType(written: DemandType, annotators: readonly DemandType[]): DemandType {
  const votes = new Map<DemandType, number>();
  for (const vote of [written, ...annotators]) votes.set(vote, (votes.get(vote) ?? 0) + 1);
  let chosen = written;
  for (const [type, count] of votes) if (count > (votes.get(chosen) ?? 0)) chosen = type;
  // A tie (every vote different) keeps the writer's: they knew what they meant to write.
  return chosen;
}

/** The annotators' votes by demand id; a malformed line stops training. */
export function loadTypeReview(file: URL = REVIEW_FILE): Map<string, DemandType[]> {
  const [header, ...lines] = readFileSync(file, "utf8").split("\n");
  const annotators = header.split("\t").length - 1;
  const review = new Map<string, DemandType[]>();
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const [id, ...votes] = line.split("\t");
    const wrong = votes.find((vote) => !DEMAND_TYPES.includes(vote as DemandType));
    if (votes.length !== annotators || wrong !== undefined || review.has(id))
      throw new Error(
        `type-review.tsv line ${index + 2}: ${wrong ?? "wrong number of votes or a repeated id"}`,
      );
    review.set(id, votes as DemandType[]);
  });
  return review;
}

/** The written demands with the reviewed type; a demand nobody reviewed keeps its writer's. */
export function withReviewedTypes(
  demands: readonly WrittenDemand[],
  review: ReadonlyMap<string, readonly DemandType[]>,
): WrittenDemand[] {
  return demands.map((demand) => {
    const votes = review.get(demand.id);
    return votes ? { ...demand, type: majorityType(demand.type, votes) } : demand;
  });
}
