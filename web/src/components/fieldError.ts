import { ApiError } from "../api/client";

export type FieldPath = (string | number)[];

/**
 * Which form field a server refusal is about: the first of its `details` (a schema error, or a rule
 * naming where) as a form name path. `wholeValue` lists fields edited as one value (a multi-select
 * of regions, a choice's options): an error inside one of them belongs to the field itself.
 */
export function fieldOfError(error: unknown, wholeValue: readonly string[] = []): FieldPath | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return null;
  const first: unknown = error.details[0];
  if (!first || typeof first !== "object" || !("instancePath" in first)) return null;
  const { instancePath, params } = first as { instancePath: unknown; params?: { missingProperty?: unknown } };
  if (typeof instancePath !== "string") return null;
  const segments: FieldPath = instancePath
    .split("/")
    .filter(Boolean)
    .map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
  if (typeof params?.missingProperty === "string") segments.push(params.missingProperty);
  const whole = segments.findIndex((s) => typeof s === "string" && wholeValue.includes(s));
  const path = whole >= 0 ? segments.slice(0, whole + 1) : segments;
  return path.length > 0 ? path : null;
}
