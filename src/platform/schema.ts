import { Type } from "@sinclair/typebox";

/** A schema accepting exactly one of the given strings, typed as their union (not as `string`). */
export function literals<const T extends string>(values: readonly T[]) {
  return Type.Union(values.map((value) => Type.Literal(value)));
}

/**
 * A calendar day, YYYY-MM-DD: one that exists (2026-02-30 does not) in the years the system deals in.
 * PostgreSQL has no year 0000 (a 500 before), and 9999-12-31 is no day anyone means.
 */
export function calendarDay(options: { description?: string } = {}) {
  return Type.String({ format: "date", pattern: "^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$", ...options });
}
