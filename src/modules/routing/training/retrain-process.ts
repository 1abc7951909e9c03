/**
 * Child process of the retraining job (learning.ts): reads the district's labels (JSON) on stdin and
 * writes the artefact trained on the generated examples plus those labels to stdout.
 */
import { serializeArtefact } from "../model/artefact.js";
import { HYPER_PARAMETERS, type LabelledText, trainArtefact } from "../model/train.js";
import { generateTrainingExamples } from "./generate.js";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const labels = JSON.parse(Buffer.concat(chunks).toString("utf8")) as LabelledText[];
const examples: LabelledText[] = [...generateTrainingExamples(), ...labels];
process.stdout.write(serializeArtefact(trainArtefact(examples, HYPER_PARAMETERS), "district"));
