import { Type } from "@sinclair/typebox";
import { literals } from "../../platform/schema.js";
import { FIELD_TYPES, RESULT_KINDS, REVIEW_LEVELS } from "./definition.js";
import { APPLICATION_ACTIONS, APPLICATION_STATES } from "./lifecycle.js";

export const RegionCode = Type.String({ pattern: "^[0-9]{6,15}$" });
export const ServiceId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export const ApplicationId = Type.Object({ id: Type.String({ pattern: "^[0-9]{1,18}$" }) });
const Key = Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" });
const Label = Type.String({ minLength: 1, maxLength: 60 });

export const FieldSchema = Type.Object(
  {
    key: Key,
    label: Label,
    labelEn: Label,
    type: literals(FIELD_TYPES),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
  },
  { additionalProperties: false },
);

export const MaterialSchema = Type.Object(
  { key: Key, label: Label, labelEn: Label, required: Type.Boolean(), pdf: Type.Boolean() },
  { additionalProperties: false },
);

/** What an administrator configures for a service. */
export const ServiceBody = Type.Object(
  {
    code: Key,
    name: Type.String({ minLength: 1, maxLength: 40 }),
    nameEn: Type.String({ minLength: 1, maxLength: 80 }),
    description: Type.String({ maxLength: 500, default: "" }),
    fields: Type.Array(FieldSchema, { maxItems: 30 }),
    materials: Type.Array(MaterialSchema, { maxItems: 10 }),
    reviewLevels: Type.Array(literals(REVIEW_LEVELS), { minItems: 1, maxItems: 2 }),
    timeLimitDays: Type.Integer({ minimum: 1, maximum: 60 }),
    resultKind: literals(RESULT_KINDS),
    active: Type.Boolean(),
    regions: Type.Array(RegionCode, { maxItems: 2000 }),
  },
  { additionalProperties: false },
);

export const Answers = Type.Record(
  Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" }),
  Type.Union([Type.String({ maxLength: 2000 }), Type.Number()]),
  { maxProperties: 30 },
);

export const Files = Type.Array(
  Type.Object(
    {
      material: Key,
      fileName: Type.String({ minLength: 1, maxLength: 120 }),
      content: Type.String({ contentEncoding: "base64", maxLength: 7_000_000 }),
    },
    { additionalProperties: false },
  ),
  { maxItems: 12, default: [] },
);

export const StepBody = Type.Object(
  {
    action: literals(APPLICATION_ACTIONS),
    note: Type.String({ maxLength: 500, default: "" }),
    answers: Type.Optional(Answers),
    files: Files,
    result: Type.Object(
      {
        note: Type.Optional(Type.String({ maxLength: 500 })),
        documentNo: Type.Optional(Type.String({ maxLength: 60 })),
        appointmentAt: Type.Optional(Type.String({ format: "date-time" })),
        place: Type.Optional(Type.String({ maxLength: 120 })),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false },
);

export const StateFilter = Type.Object(
  { state: Type.Optional(literals(APPLICATION_STATES)) },
  { additionalProperties: false },
);
