export {
  type CategoryCandidate,
  type Classification,
  type ClassifierOptions,
  DemandClassifier,
  getDefaultClassifier,
  loadExamples,
} from "./classifier.js";
export { type EvaluationReport, evaluate } from "./evaluate.js";
export { splitExamples } from "./split.js";
export { DEMAND_TYPE_NAMES, DEMAND_TYPES, type DemandType, type LabelledExample } from "./types.js";
