import { acceptsText, deepJson, type Hostile, hostileValues, type Schema, wellFormed } from "./values.js";

/** One route of the OpenAPI document, with the schemas of what it takes. */
export interface Operation {
  method: string;
  /** Fastify's form: /api/orders/:id */
  path: string;
  params: { in: "path" | "query" | "header"; name: string; schema: Schema; required: boolean }[];
  body: Schema | null;
  /** A state change: any 2xx here is a finding, since every fuzz request is invalid in some way. */
  mutating: boolean;
  isPublic: boolean;
}

/** What is sent, before it is turned into an inject call. */
export interface Draft {
  path: Record<string, string>;
  /** Raw name=value pairs, in order (a name may repeat). */
  query: [string, string][];
  /** Appended to the query string as is (broken percent-encoding and the like). */
  rawQuery: string;
  headers: Record<string, string>;
  body: { kind: "none" } | { kind: "json"; value: unknown } | { kind: "raw"; text: string; type?: string };
  /** The caller's session cookie is replaced by this one (null: the caller's own). */
  cookie: string | null;
}

/** One way to make a request to an operation invalid. */
export interface Mutation {
  label: string;
  apply(draft: Draft): void;
}

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The routes of an OpenAPI 3 document. */
export function operationsOf(document: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (operation.parameters ?? []) as {
        in: string;
        name: string;
        schema: Schema;
        required?: boolean;
      }[];
      const content = (operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
        ?.content;
      operations.push({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ":$1"),
        params: parameters
          .filter((p) => p.in === "path" || p.in === "query" || p.in === "header")
          .map((p) => ({
            in: p.in as "path" | "query" | "header",
            name: p.name,
            schema: p.schema,
            required: p.required ?? p.in === "path",
          })),
        body: content?.["application/json"]?.schema ?? null,
        mutating: METHODS_WITH_BODY.has(method.toUpperCase()),
        isPublic: Array.isArray(operation.security) && (operation.security as unknown[]).length === 0,
      });
    }
  return operations;
}

/** The well-formed request every mutation starts from; `real` gives path values that exist. */
export function baseline(operation: Operation, real: (name: string) => string | undefined): Draft {
  const draft: Draft = {
    path: {},
    query: [],
    rawQuery: "",
    headers: {},
    body: { kind: "none" },
    cookie: null,
  };
  for (const p of operation.params) {
    if (p.in === "path") draft.path[p.name] = real(p.name) ?? String(wellFormed(p.schema));
    else if (p.in === "query" && p.required) draft.query.push([p.name, String(wellFormed(p.schema))]);
    else if (p.in === "header" && p.required) draft.headers[p.name] = String(wellFormed(p.schema));
  }
  if (operation.body) draft.body = { kind: "json", value: wellFormed(operation.body) };
  return draft;
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Every mutation of an operation: per parameter, per body field, per body, per request. */
export function mutationsOf(operation: Operation): Mutation[] {
  return [
    ...operation.params.flatMap(parameterMutations),
    ...(operation.body ? bodyFieldMutations(operation.body) : []),
    ...bodyMutations(operation),
    ...requestMutations(operation),
  ];
}

const RAW_PATH_VALUES: Hostile[] = [
  { label: "pct-nul", value: "%00" },
  { label: "pct-invalid-utf8", value: "%ff%fe" },
  { label: "pct-broken", value: "%E0%A4%A" },
  { label: "dot-dot", value: "..%2f..%2fetc" },
  { label: "very-long", value: "1".repeat(5_000) },
];

function parameterMutations(p: Operation["params"][number]): Mutation[] {
  const where = `${p.in}:${p.name}`;
  // In a path or a query an object is only its text: hostile there only if the schema refuses that text.
  const hostile = hostileValues(p.schema)
    .filter((h) => !(p.in === "header" && /^(nul|c0|del|lone)/.test(h.label)))
    .filter((h) => !acceptsText(p.schema, asText(h.value)));
  const mutations: Mutation[] = hostile.map((h) => ({
    label: `${where}=${h.label}`,
    apply(draft) {
      setParameter(draft, p, h.value);
    },
  }));
  if (p.in === "path")
    for (const raw of RAW_PATH_VALUES)
      mutations.push({
        label: `${where}=${raw.label}`,
        apply(draft) {
          draft.path[p.name] = String(raw.value);
        },
      });
  if (p.in === "query") {
    mutations.push({
      label: `${where}=duplicated`,
      apply(draft) {
        const value = String(wellFormed(p.schema));
        draft.query = draft.query.filter(([name]) => name !== p.name);
        draft.query.push([p.name, value], [p.name, `${value}0`]);
      },
    });
    mutations.push({
      label: `${where}=pct-broken`,
      apply(draft) {
        draft.query = draft.query.filter(([name]) => name !== p.name);
        draft.rawQuery = `${p.name}=%E0%A4%A`;
      },
    });
  }
  if (p.required && p.in !== "path")
    mutations.push({
      label: `${where}=missing`,
      apply(draft) {
        draft.query = draft.query.filter(([name]) => name !== p.name);
        delete draft.headers[p.name];
      },
    });
  return mutations;
}

function setParameter(draft: Draft, p: Operation["params"][number], value: unknown): void {
  if (p.in === "path") {
    draft.path[p.name] = encodeLoosely(asText(value));
    return;
  }
  if (p.in === "header") {
    draft.headers[p.name] = asText(value);
    return;
  }
  draft.query = draft.query.filter(([name]) => name !== p.name);
  if (Array.isArray(value)) for (const item of value) draft.query.push([p.name, asText(item)]);
  else draft.query.push([p.name, asText(value)]);
}

/** Each body property (two levels down, and into arrays of objects) set to each hostile value. */
function bodyFieldMutations(schema: Schema): Mutation[] {
  const mutations: Mutation[] = hostileValues(schema).map((h) => ({
    label: `body=${h.label}`,
    apply(draft) {
      draft.body = { kind: "json", value: h.value };
    },
  }));
  for (const [path, field] of fieldsOf(schema, [], 0)) {
    for (const h of hostileValues(field))
      mutations.push({
        label: `body.${path.join(".")}=${h.label}`,
        apply(draft) {
          setField(draft, path, h.value);
        },
      });
  }
  for (const name of schema.required ?? [])
    mutations.push({
      label: `body.${name}=missing`,
      apply(draft) {
        if (draft.body.kind === "json") delete (draft.body.value as Record<string, unknown>)[name];
      },
    });
  return mutations;
}

type FieldPath = (string | number)[];

function fieldsOf(schema: Schema, prefix: FieldPath, depth: number): [FieldPath, Schema][] {
  if (depth > 2) return [];
  const fields: [FieldPath, Schema][] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    fields.push([path, field]);
    if (field.type === "object") fields.push(...fieldsOf(field, path, depth + 1));
    if (field.type === "array" && field.items?.type === "object")
      fields.push(...fieldsOf(field.items, [...path, 0], depth + 1));
  }
  return fields;
}

/** Sets a value at a path in the draft's JSON body, building the well-formed parents it needs. */
function setField(draft: Draft, path: FieldPath, value: unknown): void {
  if (draft.body.kind !== "json") return;
  let node = draft.body.value as Record<string | number, unknown>;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === null || typeof node[key] !== "object")
      node[key] = typeof path[i + 1] === "number" ? [{}] : {};
    node = node[key] as Record<string | number, unknown>;
  }
}

const TWO_MB = 2 * 1024 * 1024;
const DEEP = deepJson(10_000);

/**
 * The body as a whole: too deep, too big, not JSON, the wrong type, sent with the wrong content type.
 * On a route that takes no body only those refused whatever the route expects are sent.
 */
function bodyMutations(operation: Operation): Mutation[] {
  if (!METHODS_WITH_BODY.has(operation.method)) return [];
  const raw = (label: string, text: string, type?: string): Mutation => ({
    label: `body=${label}`,
    apply(draft) {
      draft.body = { kind: "raw", text, type };
    },
  });
  const serialized = (draft: Draft) => (draft.body.kind === "json" ? JSON.stringify(draft.body.value) : "{}");
  const retyped = (label: string, type: string, text?: string): Mutation => ({
    label: `content-type=${label}`,
    apply(draft) {
      draft.body = { kind: "raw", text: text ?? serialized(draft), type };
    },
  });
  const always = [
    raw("deep-10000", `{"fuzz":${DEEP}}`, "application/json"),
    raw("deep-array-10000", `${"[".repeat(10_000)}${"]".repeat(10_000)}`, "application/json"),
    raw("invalid-json", '{"a":', "application/json"),
    raw("empty-json", "", "application/json"),
    raw("2mb-with-nul", JSON.stringify({ fuzz: `${"长".repeat(TWO_MB / 3)}\u0000` }), "application/json"),
    raw("without-content-type", '{"a":1}'),
    retyped("text/plain", "text/plain"),
    retyped("form", "application/x-www-form-urlencoded", "a=1&b=%00"),
    retyped(
      "multipart-garbage",
      "multipart/form-data; boundary=xx",
      "--xx\r\nContent-Disposition: form-data\r\n\r\n\u0000\r\n--",
    ),
    retyped("xml", "application/xml", "<a>1</a>"),
    retyped("json-lookalike", "application/jsonx"),
    retyped("empty", ""),
  ];
  if (!operation.body) return always;
  return [
    ...always,
    raw("2mb", JSON.stringify({ fuzz: "长".repeat(TWO_MB / 3) }), "application/json"),
    raw("array", "[]", "application/json"),
    raw("null", "null", "application/json"),
    raw("number", "1", "application/json"),
    raw("string", '"x"', "application/json"),
    raw("duplicate-keys", '{"a":1,"a":{"b":"\\u0000"}}', "application/json"),
    {
      label: "body=missing",
      apply(draft) {
        draft.body = { kind: "none" };
      },
    },
    {
      label: "body=unknown-field",
      apply(draft) {
        if (draft.body.kind === "json") (draft.body.value as Record<string, unknown>).fuzzUnknownField = "x";
      },
    },
  ];
}

/**
 * The request around the inputs: cross-site state changes, broken session cookies, broken query
 * strings. A broken cookie on a state change carries a NUL too, refused after the cookie is read.
 */
function requestMutations(operation: Operation): Mutation[] {
  const mutations: Mutation[] = [];
  if (operation.mutating)
    mutations.push(
      header("origin-cross-site", { origin: "https://evil.example" }),
      header("origin-null", { origin: "null" }),
      header("sec-fetch-site-cross", { "sec-fetch-site": "cross-site" }),
    );
  else
    mutations.push(
      {
        label: "query=unknown-and-huge",
        apply(draft) {
          draft.query.push(["fuzzUnknown", "长".repeat(20_000)]);
        },
      },
      {
        label: "query=nul-name",
        apply(draft) {
          draft.rawQuery = "a%00b=1";
        },
      },
    );
  if (operation.mutating && !operation.body && operation.isPublic) return mutations;
  for (const [label, cookie] of [
    ["cookie-nul", "minhu_session=%00"],
    ["cookie-huge", `minhu_session=${"A".repeat(8_000)}`],
    ["cookie-duplicated", "minhu_session=a; minhu_session=b"],
    ["cookie-quoted", 'minhu_session="\\u0000"'],
  ])
    mutations.push({
      label,
      apply(draft) {
        draft.cookie = cookie;
        if (operation.mutating && draft.body.kind === "json")
          draft.body = { kind: "json", value: { ...(draft.body.value as object), fuzzPoison: "\u0000" } };
      },
    });
  return mutations;
}

function header(label: string, headers: Record<string, string>): Mutation {
  return {
    label,
    apply(draft) {
      Object.assign(draft.headers, headers);
    },
  };
}

/**
 * encodeURIComponent, but a lone surrogate is sent as the three bytes a careless encoder would
 * produce (invalid UTF-8) instead of throwing.
 */
export function encodeLoosely(text: string): string {
  let out = "";
  for (const char of text) {
    try {
      out += encodeURIComponent(char);
    } catch {
      const unit = char.charCodeAt(0);
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    }
  }
  return out;
}
