/**
 * 服务事项定义 What a community service asks, as data an administrator edits without code: typed
 * fields, materials, review levels, time limit and result kind. Pure rules, no I/O: an application's
 * answers, materials and result are checked here against the definition they were made under.
 */

export const FIELD_TYPES = ["text", "number", "date", "choice"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const REVIEW_LEVELS = ["community", "street"] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

export const RESULT_KINDS = ["document", "appointment", "approval"] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** One question of the form: a key, its label in both languages, its type and whether it is required. */
export interface ServiceField {
  key: string;
  label: string;
  labelEn: string;
  type: FieldType;
  required: boolean;
  /** The allowed answers of a choice field. */
  options?: string[];
  /** The longest text answer (text fields; default 200). */
  maxLength?: number;
}

/** One material asked (证明材料): photos, or photos and PDF files. */
export interface ServiceMaterial {
  key: string;
  label: string;
  labelEn: string;
  required: boolean;
  pdf: boolean;
}

export interface ServiceDefinition {
  fields: ServiceField[];
  materials: ServiceMaterial[];
  /** Who reviews, in order: always the community first, then the street when asked. */
  reviewLevels: ReviewLevel[];
  timeLimitDays: number;
  resultKind: ResultKind;
}

export type Answers = Record<string, string | number>;

const DAY = /^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/**
 * Why a definition cannot be saved (duplicate keys, a choice without options, levels out of order),
 * with where in the definition (a JSON pointer, as schema errors name it), or null.
 */
export function definitionProblem(definition: ServiceDefinition): { at: string; problem: string } | null {
  const keys = definition.fields.map((f) => f.key);
  const field = keys.findIndex((key, i) => keys.indexOf(key) !== i);
  if (field >= 0) return { at: `/fields/${field}/key`, problem: "field keys must be unique" };
  const materials = definition.materials.map((m) => m.key);
  const material = materials.findIndex((key, i) => materials.indexOf(key) !== i);
  if (material >= 0) return { at: `/materials/${material}/key`, problem: "material keys must be unique" };
  const choice = definition.fields.findIndex((f) => f.type === "choice" && (f.options ?? []).length === 0);
  if (choice >= 0)
    return {
      at: `/fields/${choice}/options`,
      problem: `choice field ${definition.fields[choice]?.key} needs options`,
    };
  const levels = definition.reviewLevels.join(",");
  if (levels !== "community" && levels !== "community,street")
    return { at: "/reviewLevels", problem: "review levels are community, or community then street" };
  return null;
}

/**
 * An answer in its field's type: a form sends digits as text and a schema may have read text as a
 * number, so numbers and text are converted before they are judged.
 */
function normalise(field: ServiceField, value: string | number | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  if (field.type === "number" && typeof value === "string" && /^-?[0-9]+(\.[0-9]+)?$/.test(value.trim()))
    return Number(value);
  if (field.type !== "number" && typeof value === "number") return String(value);
  return value;
}

/** Problems of one answer against its field, or null when it fits. */
function answerProblem(field: ServiceField, value: string | number | undefined): string | null {
  const empty = value === undefined || (typeof value === "string" && value.trim() === "");
  if (empty) return field.required ? `${field.key} is required` : null;
  switch (field.type) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : `${field.key} must be a number`;
    case "date":
      return typeof value === "string" && DAY.test(value) ? null : `${field.key} must be a day (YYYY-MM-DD)`;
    case "choice":
      return typeof value === "string" && (field.options ?? []).includes(value)
        ? null
        : `${field.key} must be one of the options`;
    case "text":
      return typeof value === "string" && value.length <= (field.maxLength ?? 200)
        ? null
        : `${field.key} must be text of at most ${field.maxLength ?? 200} characters`;
  }
}

/**
 * The answers kept from a submission, checked against the service's own fields: every required
 * field answered with a value of its type, and no key the service does not ask.
 */
export function checkAnswers(
  fields: readonly ServiceField[],
  answers: Answers,
): { ok: true; answers: Answers } | { ok: false; problem: string } {
  const unknown = Object.keys(answers).find((key) => !fields.some((f) => f.key === key));
  if (unknown) return { ok: false, problem: `${unknown} is not asked by this service` };
  const kept: Answers = {};
  for (const field of fields) {
    const value = normalise(field, answers[field.key]);
    const problem = answerProblem(field, value);
    if (problem) return { ok: false, problem };
    if (value !== undefined && value !== "")
      kept[field.key] = typeof value === "string" ? value.trim() : value;
  }
  return { ok: true, answers: kept };
}

/**
 * Which materials a submission must still bring: every required one not yet given (counting those
 * already stored for the application), and none the service does not ask.
 */
export function materialProblem(
  materials: readonly ServiceMaterial[],
  given: readonly string[],
  stored: readonly string[] = [],
): string | null {
  const unknown = given.find((key) => !materials.some((m) => m.key === key));
  if (unknown) return `${unknown} is not a material of this service`;
  const missing = materials.find((m) => m.required && !given.includes(m.key) && !stored.includes(m.key));
  return missing ? `${missing.key} is required` : null;
}

/** What the reviewer hands over on final approval: a document, an appointment or a plain approval. */
export interface ResultInput {
  note?: string;
  documentNo?: string;
  appointmentAt?: string;
  place?: string;
}

/** The result stored for a service's kind, or why the reviewer's input does not make one. */
export function buildResult(
  kind: ResultKind,
  input: ResultInput,
): { ok: true; result: ResultInput & { kind: ResultKind } } | { ok: false; problem: string } {
  const note = input.note?.trim() || undefined;
  if (kind === "document") {
    const documentNo = input.documentNo?.trim();
    if (!documentNo) return { ok: false, problem: "a document result needs its number (documentNo)" };
    return { ok: true, result: { kind, documentNo, note } };
  }
  if (kind === "appointment") {
    const place = input.place?.trim();
    if (!input.appointmentAt || !place)
      return { ok: false, problem: "an appointment result needs its time and place" };
    return { ok: true, result: { kind, appointmentAt: input.appointmentAt, place, note } };
  }
  return { ok: true, result: { kind, note } };
}
