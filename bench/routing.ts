/**
 * Routing on each evaluation set (data/routing-eval, data/routing-eval-2): the model beside its
 * baselines, the top-level confusion table and the time one classification takes.
 *
 *   npx tsx bench/routing.ts
 */

import { fileURLToPath } from "node:url";
import { TOP_LEVEL_CODES } from "../src/modules/categories/tree.js";
import { DEMAND_TYPES } from "../src/modules/demands/demand-types.js";
import { loadShippedArtefact } from "../src/modules/routing/model/artefact.js";
import {
  BENCH_EVAL_SETS,
  type EvalDemand,
  loadEvalSet,
  loadSecondReading,
} from "../src/modules/routing/model/eval-set.js";
import {
  type Confusion,
  confusion,
  type RoutePrediction,
  type RouteScores,
  scoreRoutes,
  typeConfusion,
} from "../src/modules/routing/model/metrics.js";
import { RoutingModel } from "../src/modules/routing/model/router.js";
import { examplesOnlyRouter, lexiconRouter, previousRouter } from "./routing-baselines.js";

type Router = (text: string) => RoutePrediction;

export interface RoutingBench {
  setName: string;
  evalCount: number;
  /** The urgency safety layer on its own, the urgency model on its own, and both (as served). */
  urgency: { name: string; recall: number; falseAlarmRate: number }[];
  /** Share of demands marked unsure, and leaf top-1 among unsure and sure ones. */
  unsure: { share: number; unsureTop1: number; sureTop1: number };
  rows: { name: string; scores: RouteScores }[];
  confusion: Confusion;
  typeConfusion: Confusion;
  latency: { meanMs: number; p99Ms: number };
  /** Each second reader's agreement with the set's author on type (a human baseline for type). */
  secondReaders: number[];
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

/** Classifies every evaluation text once, timing each call. */
function run(
  router: Router,
  set: readonly EvalDemand[],
): { predictions: RoutePrediction[]; times: number[] } {
  const predictions: RoutePrediction[] = [];
  const times: number[] = [];
  for (const demand of set) {
    const started = performance.now();
    predictions.push(router(demand.text));
    times.push(performance.now() - started);
  }
  return { predictions, times };
}

type EvalSetRef = (typeof BENCH_EVAL_SETS)[number];

export async function benchRouting(evalSet: EvalSetRef): Promise<RoutingBench | null> {
  const set = loadEvalSet(evalSet.path);
  if (!set) return null;
  const routers: [string, Router][] = [
    ["lexicon only", lexiconRouter],
    ["examples only", examplesOnlyRouter()],
    ["previous model", previousRouter()],
  ];
  const model = new RoutingModel(loadShippedArtefact());
  routers.push([`model ${model.version}`, (text) => model.route(text)]);
  const rows: RoutingBench["rows"] = [];
  let last: { predictions: RoutePrediction[]; times: number[] } | undefined;
  for (const [name, router] of routers) {
    router(set[0].text); // loads dictionaries outside the timing
    last = run(router, set);
    rows.push({ name, scores: scoreRoutes(set, last.predictions) });
  }
  if (!last) throw new Error("no router");
  const suggestions = set.map((demand) => model.suggest(demand.text, 1));
  const flagged = (name: string, flags: boolean[]) => {
    const scores = scoreRoutes(
      set,
      flags.map((urgent) => ({ leaves: [], tops: [], type: null, urgent })),
    );
    return { name, recall: scores.urgentRecall, falseAlarmRate: scores.falseAlarmRate };
  };
  const share = (flags: boolean[]) => flags.filter(Boolean).length / Math.max(1, flags.length);
  const right = suggestions.map((suggestion, i) => suggestion.candidates[0]?.code === set[i].category);
  const unsure = suggestions.map((suggestion) => suggestion.unsure);
  const warm = run(routers[routers.length - 1][1], set).times.sort((a, b) => a - b);
  return {
    setName: evalSet.name,
    evalCount: set.length,
    urgency: [
      flagged(
        "safety cues only",
        suggestions.map((suggestion) => suggestion.dangers.length > 0),
      ),
      flagged(
        "urgency model only",
        suggestions.map((suggestion) => suggestion.urgentScore >= model.artefact.urgentThreshold),
      ),
      flagged(
        "both (served)",
        suggestions.map((suggestion) => suggestion.urgent),
      ),
    ],
    unsure: {
      share: share(unsure),
      unsureTop1: share(right.filter((_, i) => unsure[i])),
      sureTop1: share(right.filter((_, i) => !unsure[i])),
    },
    rows,
    confusion: confusion(set, last.predictions),
    typeConfusion: typeConfusion(set, last.predictions),
    latency: {
      meanMs: warm.reduce((sum, time) => sum + time, 0) / warm.length,
      p99Ms: percentile(warm, 0.99),
    },
    secondReaders: secondReaderAgreement(set, loadSecondReading(evalSet.secondReading)),
  };
}

/** How often each second reader typed a demand as the set's author did (every demand must be read). */
function secondReaderAgreement(
  set: readonly EvalDemand[],
  reading: ReturnType<typeof loadSecondReading>,
): number[] {
  if (!reading) return [];
  const typesOf = set.map((demand) => {
    const types = reading.get(demand.id);
    if (!types) throw new Error(`the second reading has no type for ${demand.id}`);
    return types;
  });
  return typesOf[0].map(
    (_, reader) => typesOf.filter((types, i) => types[reader] === set[i].type).length / set.length,
  );
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`.padStart(7);

/** Prints the table of routers, the confusion table of the last (the model) and its latency. */
export function reportRouting(evalSet: EvalSetRef, bench: RoutingBench | null): void {
  if (!bench) {
    console.log(`routing: no evaluation set at ${evalSet.path}`);
    return;
  }
  const first = bench.rows[0].scores;
  console.log(
    `routing: ${bench.setName}: ${bench.evalCount} evaluation demands, ${first.urgentCount} urgent`,
  );
  console.log(
    `routing: ${"router".padEnd(22)} top-1   top-3  leaf-1  leaf-3    type  urgent-recall  false-alarm`,
  );
  for (const { name, scores } of bench.rows) {
    console.log(
      `routing: ${name.padEnd(22)}${percent(scores.topTop1)} ${percent(scores.topTop3)} ${percent(scores.leafTop1)} ${percent(scores.leafTop3)} ${percent(scores.typeAccuracy)}        ${percent(scores.urgentRecall)}      ${percent(scores.falseAlarmRate)}`,
    );
  }
  for (const { name, recall, falseAlarmRate } of bench.urgency)
    console.log(
      `routing: urgency ${name.padEnd(20)} recall ${percent(recall)}  false alarms ${percent(falseAlarmRate)}`,
    );
  const { share, unsureTop1, sureTop1 } = bench.unsure;
  console.log(
    `routing: unsure ${percent(share)} of demands; leaf top-1 ${percent(unsureTop1)} when unsure, ${percent(sureTop1)} otherwise`,
  );
  const codes: string[] = [...TOP_LEVEL_CODES];
  console.log(
    `routing: confusion of "${bench.rows[bench.rows.length - 1].name}" (rows: true top level, columns: predicted)`,
  );
  console.log(`routing:    ${codes.map((code) => code.padStart(4)).join("")}`);
  for (const want of codes) {
    const row = bench.confusion[want] ?? {};
    console.log(`routing: ${want} ${codes.map((got) => String(row[got] ?? ".").padStart(4)).join("")}`);
  }
  if (bench.secondReaders.length > 0)
    console.log(
      `routing: type by a second reader, blind to the author's labels: ${bench.secondReaders.map(percent).join(",")} agree with the author`,
    );
  console.log(`routing: demand types of the same model (rows: true type, columns: predicted)`);
  console.log(`routing: ${"".padEnd(10)} ${DEMAND_TYPES.map((type) => type.padStart(11)).join("")}`);
  for (const want of DEMAND_TYPES) {
    const row = bench.typeConfusion[want] ?? {};
    console.log(
      `routing: ${want.padEnd(10)} ${DEMAND_TYPES.map((got) => String(row[got] ?? ".").padStart(11)).join("")}`,
    );
  }
  console.log(
    `routing: classification mean ${bench.latency.meanMs.toFixed(3)} ms, p99 ${bench.latency.p99Ms.toFixed(3)} ms`,
  );
}

/** Every evaluation set in turn. */
export async function benchAndReportRouting(): Promise<void> {
  for (const evalSet of BENCH_EVAL_SETS) reportRouting(evalSet, await benchRouting(evalSet));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchAndReportRouting();
