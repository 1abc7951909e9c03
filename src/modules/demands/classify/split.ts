import type { LabelledExample } from "./types.js";

/** FNV-1a, 32 bits: a stable hash for deterministic splits and seeds. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Examples without a stored split are held out by a hash of their template group (else their text). */
export function isHeldOut(example: LabelledExample): boolean {
  if (example.split) return example.split === "test";
  return stableHash(example.group ?? example.text) % 5 === 0;
}

/** Deterministic ~80/20 split that keeps each template group on one side. */
export function splitExamples(examples: readonly LabelledExample[]): {
  train: LabelledExample[];
  test: LabelledExample[];
} {
  const train: LabelledExample[] = [];
  const test: LabelledExample[] = [];
  for (const example of examples) (isHeldOut(example) ? test : train).push(example);
  return { train, test };
}
