import { Type } from "@sinclair/typebox";

/** A schema accepting exactly one of the given strings, typed as their union (not as `string`). */
export function literals<const T extends string>(values: readonly T[]) {
  return Type.Union(values.map((value) => Type.Literal(value)));
}
