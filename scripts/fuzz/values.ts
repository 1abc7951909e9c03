/**
 * Values for one parameter, read from its schema in the OpenAPI document: one well-formed value (so
 * that the rest of a request passes and the hostile value is what gets judged) and a corpus of
 * hostile ones. Every hostile value is one the schema should refuse — a wrong type Ajv cannot coerce,
 * a value past a bound, a control character — or one that is in range for the schema's type but not
 * for the world (year 0000 or 9999, a number past PostgreSQL's integer): a route that accepts one
 * on a state change is a finding, not noise.
 */
export interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  default?: unknown;
}

export interface Hostile {
  /** A short name for the report and for replaying (e.g. "nul", "max+1"). */
  label: string;
  value: unknown;
}

const SAMPLE_STRINGS = [
  "610103001001",
  "610103",
  "01",
  "0101",
  "2026-10-01",
  "2026",
  "2026-Q1",
  "registered",
  "street",
  "demo-user",
  "abc_1",
  "BL202610010001",
  "0123456789",
  "13700002222",
  "A".repeat(43),
  "1",
  "x",
];

/** A value the schema accepts, as plain as possible. */
export function wellFormed(schema: Schema): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf) return wellFormed(schema.anyOf[0]);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case "boolean":
      return false;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => wellFormed(schema.items ?? {}));
    case "object":
      return wellFormedObject(schema);
    default:
      return wellFormedString(schema);
  }
}

function wellFormedObject(schema: Schema): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const name of schema.required ?? []) value[name] = wellFormed(schema.properties?.[name] ?? {});
  return value;
}

function wellFormedString(schema: Schema): string {
  if (schema.format === "date") return "2026-10-01";
  if (schema.format === "date-time") return "2026-10-01T08:00:00.000Z";
  if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
  if (schema.format === "byte") return "aGVsbG8=";
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, "u");
    return SAMPLE_STRINGS.find((s) => pattern.test(s) && fits(s)) ?? "x";
  }
  return "测试内容".repeat(Math.ceil(Math.max(min, 4) / 4)).slice(0, Math.max(min, 4));
}

const CONTROL_STRINGS: Hostile[] = [
  { label: "nul", value: "a\u0000b" },
  { label: "c0-escape", value: "\u001b[31mred" },
  { label: "c0-bell", value: "ding\u0007" },
  { label: "del", value: "a\u007fb" },
  { label: "lone-high-surrogate", value: "a\ud800b" },
  { label: "lone-low-surrogate", value: "\udc00" },
];

/**
 * Hostile values for a parameter with this schema. Not "", 0 or false where null is allowed: Ajv
 * coerces them to null, the field's own way of saying "none".
 */
export function hostileValues(schema: Schema): Hostile[] {
  const nullable = schema.nullable || schema.anyOf?.some((s) => s.type === "null");
  const values = hostileOfType(schema);
  return nullable ? values.filter((h) => h.value !== "" && h.value !== 0 && h.value !== false) : values;
}

/** Whether a text satisfies a string schema (pattern, length, enum), so it is no hostile value there. */
export function acceptsText(schema: Schema, text: string): boolean {
  if (schema.anyOf) return schema.anyOf.some((s) => acceptsText(s, text));
  if (schema.enum) return schema.enum.includes(text);
  if (schema.type !== undefined && schema.type !== "string") return false;
  if (schema.format) return false;
  if (text.length < (schema.minLength ?? 0) || text.length > (schema.maxLength ?? Number.POSITIVE_INFINITY))
    return false;
  return !schema.pattern || new RegExp(schema.pattern, "u").test(text);
}

function hostileOfType(schema: Schema): Hostile[] {
  if (schema.anyOf) return hostileForUnion(schema);
  switch (schema.type) {
    case "integer":
    case "number":
      return hostileNumbers(schema);
    case "boolean":
      return [
        { label: "bool-word", value: "maybe" },
        { label: "bool-2", value: 2 },
        { label: "type-object", value: {} },
      ];
    case "array":
      return hostileArrays(schema);
    case "object":
      return hostileObjects(schema);
    default:
      return hostileStrings(schema);
  }
}

function hostileForUnion(schema: Schema): Hostile[] {
  const enumerated = (schema.anyOf ?? []).every((s) => s.enum || s.type === "null");
  if (!enumerated) return hostileValues((schema.anyOf ?? [])[0]);
  return [
    { label: "enum-unknown", value: "zzz_not_a_member" },
    { label: "enum-empty", value: "" },
    { label: "enum-case", value: String((schema.anyOf ?? [])[0]?.enum?.[0] ?? "").toUpperCase() || "X" },
    { label: "type-array", value: ["x", "y"] },
    ...CONTROL_STRINGS.slice(0, 2),
  ];
}

function hostileNumbers(schema: Schema): Hostile[] {
  const values: Hostile[] = [
    { label: "huge", value: 1e308 },
    { label: "-huge", value: -1e308 },
    { label: "int64+1", value: "9223372036854775808" },
    { label: "int32+1", value: 2147483648 },
    { label: "2^53+1", value: "9007199254740993" },
    { label: "nan", value: "NaN" },
    { label: "infinity", value: "Infinity" },
    { label: "exp-overflow", value: "1e400" },
    { label: "words", value: "twelve" },
    { label: "type-object", value: { n: 1 } },
    { label: "type-array", value: [1, 2] },
  ];
  if (schema.type === "integer") values.push({ label: "fraction", value: 1.5 });
  if (schema.minimum !== undefined) values.push({ label: "min-1", value: schema.minimum - 1 });
  if (schema.maximum !== undefined) values.push({ label: "max+1", value: schema.maximum + 1 });
  if (schema.minimum === undefined) values.push({ label: "negative", value: -1 });
  return values;
}

function hostileStrings(schema: Schema): Hostile[] {
  const values: Hostile[] = [
    ...CONTROL_STRINGS,
    { label: "type-object", value: { s: "x" } },
    { label: "type-array", value: ["x", "y"] },
    { label: "too-long", value: "长".repeat((schema.maxLength ?? 100_000) + 1) },
  ];
  const minLength = schema.minLength ?? 0;
  if (minLength > 0) values.push({ label: "too-short", value: "x".repeat(minLength - 1) });
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, "u");
    values.push(
      ...[
        { label: "pattern-traversal", value: "../../etc/passwd" },
        { label: "pattern-sql", value: "1' OR '1'='1" },
        { label: "pattern-like", value: "%_%" },
        { label: "pattern-digits-overflow", value: "9".repeat(40) },
        { label: "pattern-negative", value: "-1" },
      ].filter((h) => !pattern.test(h.value)),
    );
  }
  if (
    schema.format === "date" ||
    schema.format === "date-time" ||
    /\\d\{4\}|20\[0-9\]/.test(schema.pattern ?? "")
  )
    values.push(...hostileDates(schema.format === "date-time"));
  if (schema.format === "uuid")
    values.push(
      { label: "uuid-bad", value: "not-a-uuid" },
      { label: "uuid-nil", value: "00000000-0000-0000-0000-000000000000" },
    );
  return values;
}

function hostileDates(withTime: boolean): Hostile[] {
  const time = withTime ? "T00:00:00Z" : "";
  return [
    { label: "date-0000", value: `0000-01-01${time}` },
    { label: "date-9999", value: `9999-12-31${time}` },
    { label: "date-feb30", value: `2026-02-30${time}` },
    { label: "date-month13", value: `2026-13-01${time}` },
    { label: "date-1900", value: `1900-01-01${time}` },
    { label: "date-5digit", value: `20260-01-01${time}` },
  ];
}

function hostileArrays(schema: Schema): Hostile[] {
  const item = wellFormed(schema.items ?? {});
  const values: Hostile[] = [
    { label: "type-string", value: "not-an-array" },
    { label: "type-object", value: { 0: item } },
    { label: "too-many", value: Array.from({ length: (schema.maxItems ?? 10_000) + 1 }, () => item) },
  ];
  for (const bad of hostileValues(schema.items ?? {}).slice(0, 8))
    values.push({ label: `item-${bad.label}`, value: [bad.value] });
  return values;
}

function hostileObjects(schema: Schema): Hostile[] {
  const base = wellFormedObject(schema);
  const values: Hostile[] = [
    { label: "type-string", value: "not-an-object" },
    { label: "type-array", value: [base] },
    { label: "unknown-field", value: { ...base, fuzzUnknownField: 1 } },
    { label: "proto-key", value: JSON.parse(`{"__proto__":{"admin":true},"constructor":{"prototype":{}}}`) },
  ];
  if ((schema.required ?? []).length > 0) values.push({ label: "empty-object", value: {} });
  return values;
}

/** JSON nested this deep, as text (no parser we call could build it as a value without recursing). */
export function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}
