/**
 * `npm run train`: generates the training examples, trains the routing model and writes the artefact
 * shipped in the repository. Deterministic: the same sources give the same bytes.
 *
 *   npm run train              writes src/modules/routing/model/artefacts/routing-model.json
 *   npm run train -- --check   trains again and fails unless the result equals the stored file
 *   npm run train -- --cv      prints 5-fold cross-validation numbers of HYPER_PARAMETERS
 *   npm run train -- --cv-frames   the same with the frames held out as well (see crossValidate)
 *   npm run train -- --cv-frames --type-l2=0.001   … with another type-model L2 penalty
 *   npm run train -- --cv --category-l2=0.00003    … with another category-model L2 penalty
 *   npm run train -- --cv-written  scores only the written demands held out (written.ts)
 *   npm run train -- --cv-written --written-instances=2   … with another count of their instances
 *   npm run train -- --cv-written --written-instances=0   … scored on them, trained without them
 *   npm run train -- --cv-written --prune=0.1   … with weights below 0.1 dropped from the artefact
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SHIPPED_ARTEFACT_URL, serializeArtefact } from "../model/artefact.js";
import { HYPER_PARAMETERS, trainArtefact } from "../model/train.js";
import { crossValidate } from "./cross-validate.js";
import { generateTrainingExamples, WRITTEN_INSTANCES } from "./generate.js";
import type { TrainingExample } from "./training-example.js";

/** The shipped model's version prefix: "base" (retrained models are "district"). */
export const BASE_PREFIX = "base";

/** The shipped artefact's text, trained from the generated examples. */
export function trainShippedArtefact(): string {
  return serializeArtefact(trainArtefact(generateTrainingExamples(), HYPER_PARAMETERS), BASE_PREFIX);
}

async function main(args: string[]): Promise<number> {
  const target = fileURLToPath(SHIPPED_ARTEFACT_URL);
  if (args.includes("--cv") || args.includes("--cv-frames") || args.includes("--cv-written")) {
    const l2 = (model: "category" | "type") => {
      const arg = args.find((a) => a.startsWith(`--${model}-l2=`));
      const options = HYPER_PARAMETERS[model];
      return arg ? { ...options, l2: Number(arg.slice(model.length + 6)) } : options;
    };
    const prune = args.find((a) => a.startsWith("--prune="));
    const hyper = {
      ...HYPER_PARAMETERS,
      category: l2("category"),
      type: l2("type"),
      prune: prune ? Number(prune.split("=")[1]) : HYPER_PARAMETERS.prune,
    };
    const instancesArg = args.find((a) => a.startsWith("--written-instances="));
    const instances = instancesArg ? Number(instancesArg.split("=")[1]) : WRITTEN_INSTANCES;
    const written = (example: TrainingExample) => example.source === "written";
    const asWritten = (example: TrainingExample) => example.asWritten === true;
    const result = crossValidate(generateTrainingExamples(Math.max(1, instances)), hyper, {
      holdFramesOut: args.includes("--cv-frames"),
      scored: args.includes("--cv-written") ? asWritten : undefined,
      neverTrained: instances === 0 ? written : undefined,
    });
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const started = performance.now();
  const text = trainShippedArtefact();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (args.includes("--check")) {
    const stored = readFileSync(target, "utf8");
    if (stored !== text) {
      console.error(
        `${target} differs from a fresh training (${Buffer.byteLength(text)} vs ${Buffer.byteLength(stored)} bytes)`,
      );
      return 1;
    }
    console.log(`${target} is byte-identical to a fresh training (${seconds} s)`);
    return 0;
  }
  writeFileSync(target, text);
  console.log(
    `wrote ${target}: ${Buffer.byteLength(text)} bytes, version ${JSON.parse(text).version}, ${seconds} s`,
  );
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
