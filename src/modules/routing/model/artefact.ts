import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { LinearWeights } from "./linear.js";

/** A linear model as stored: rows are [featureId, class, weight, class, weight, ...]. */
interface StoredLinear {
  classes: string[];
  bias: number[];
  rows: number[][];
}

/**
 * The routing model as stored in the repository (artefacts/) or in the database (retrained): its
 * features, the three linear models and the calibration temperatures. Plain JSON with weights
 * rounded to 3 decimals, so the same training writes the same bytes.
 */
export interface RoutingArtefact {
  version: string;
  /** What it was trained on, for the admin page. */
  trainedOn: { examples: number; labels: number; bySource: Record<string, number> };
  features: string[];
  /** Softmax temperatures that calibrate the category and type scores. */
  temperature: { category: number; type: number };
  /** Urgency model's probability above which a demand is flagged without a danger cue. */
  urgentThreshold: number;
  category: LinearWeights;
  type: LinearWeights;
  urgency: LinearWeights;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function storeLinear(model: LinearWeights): StoredLinear {
  const rows: number[][] = [];
  for (const [feature, row] of [...model.rows].sort((a, b) => a[0] - b[0])) {
    const stored = [feature];
    for (let j = 0; j < row.classes.length; j++) {
      const weight = round(row.weights[j]);
      if (weight !== 0) stored.push(row.classes[j], weight);
    }
    if (stored.length > 1) rows.push(stored);
  }
  return { classes: model.classes, bias: model.bias.map(round), rows };
}

function loadLinear(stored: StoredLinear): LinearWeights {
  const rows: LinearWeights["rows"] = new Map();
  for (const row of stored.rows) {
    const count = (row.length - 1) / 2;
    const classes = new Int32Array(count);
    const weights = new Float64Array(count);
    for (let j = 0; j < count; j++) {
      classes[j] = row[1 + 2 * j];
      weights[j] = row[2 + 2 * j];
    }
    rows.set(row[0], { classes, weights });
  }
  return { classes: stored.classes, bias: stored.bias, rows };
}

/** The artefact as JSON text, one model part per line; its version is the hash of everything else. */
export function serializeArtefact(artefact: Omit<RoutingArtefact, "version">, prefix: string): string {
  const body = {
    trainedOn: artefact.trainedOn,
    temperature: artefact.temperature,
    urgentThreshold: artefact.urgentThreshold,
    features: artefact.features,
    category: storeLinear(artefact.category),
    type: storeLinear(artefact.type),
    urgency: storeLinear(artefact.urgency),
  };
  const parts = Object.entries(body).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  const version = `${prefix}-${createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 10)}`;
  return `{"version":${JSON.stringify(version)},\n${parts.join(",\n")}\n}\n`;
}

export function parseArtefact(text: string): RoutingArtefact {
  const raw = JSON.parse(text) as Omit<RoutingArtefact, "category" | "type" | "urgency"> & {
    category: StoredLinear;
    type: StoredLinear;
    urgency: StoredLinear;
  };
  return {
    ...raw,
    category: loadLinear(raw.category),
    type: loadLinear(raw.type),
    urgency: loadLinear(raw.urgency),
  };
}

/** The model shipped in the repository: the one a fresh install routes with. */
export const SHIPPED_ARTEFACT_URL = new URL("./artefacts/routing-model.json", import.meta.url);

export function loadShippedArtefact(): RoutingArtefact {
  return parseArtefact(readFileSync(SHIPPED_ARTEFACT_URL, "utf8"));
}
