import { type TSchema, Type } from "@sinclair/typebox";
import { literals } from "../../platform/schema.js";
import { PROJECT_AREAS } from "./rules.js";

export const PublicationId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

export const KeyProjectBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 80 }),
    area: literals(PROJECT_AREAS),
    goal: Type.String({ minLength: 1, maxLength: 1000 }),
    owner: Type.String({ minLength: 1, maxLength: 80 }),
    milestones: Type.Array(
      Type.Object(
        {
          title: Type.String({ minLength: 1, maxLength: 120 }),
          due: Type.String({ pattern: "^20[0-9]{2}-(0[1-9]|1[0-2])$" }),
          done: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    progress: Type.Integer({ minimum: 0, maximum: 100 }),
    photoIds: Type.Array(Type.String({ format: "uuid" }), { maxItems: 6, default: [] }),
  },
  { additionalProperties: false },
);

export const RetractBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

const Status = Type.Union([
  Type.Literal("draft"),
  Type.Literal("scheduled"),
  Type.Literal("published"),
  Type.Literal("retracted"),
]);
// A response schema spells its unions out: literals() has no static type to check the handler against.
const Part = Type.Union([
  Type.Literal("title"),
  Type.Literal("area"),
  Type.Literal("goal"),
  Type.Literal("owner"),
  Type.Literal("milestones"),
  Type.Literal("progress"),
  Type.Literal("photoIds"),
]);
const AreaOut = Type.Union([
  Type.Literal("employment"),
  Type.Literal("schooling"),
  Type.Literal("transport"),
  Type.Literal("elderly"),
  Type.Literal("housing"),
  Type.Literal("environment"),
  Type.Literal("health"),
]);
const KeyProjectOut = Type.Composite([Type.Omit(KeyProjectBody, ["area"]), Type.Object({ area: AreaOut })]);
const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An item as its editors see it: the draft, where it stands, the version the public sees now. */
export const EditorItem = Type.Object({
  id: Type.Integer(),
  kind: Type.Literal("key_project"),
  draft: KeyProjectOut,
  status: Status,
  publicVersion: OrNull(Type.Integer()),
  retractedAt: OrNull(Type.String({ format: "date-time" })),
  retractedReason: OrNull(Type.String()),
  updatedAt: Type.String({ format: "date-time" }),
  versions: Type.Array(
    Type.Object({ version: Type.Integer(), visibleFrom: Type.String({ format: "date-time" }) }),
  ),
});

/** One published (or scheduled) version with what it changed from the version before. */
export const EditorVersion = Type.Object({
  version: Type.Integer(),
  visibleFrom: Type.String({ format: "date-time" }),
  publishedAt: Type.String({ format: "date-time" }),
  publishedBy: OrNull(Type.String()),
  changed: Type.Array(Part),
  content: KeyProjectOut,
});

const count = Type.Integer({ minimum: 0 });
const rate = OrNull(
  Type.Number({ minimum: 0, maximum: 100, description: "percent, null: nothing to measure" }),
);
const Month = Type.String({ pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$" });

export const PublicRatesQuery = Type.Object(
  { month: Type.Optional({ ...Month, description: "an ended month, YYYY-MM (default: the last one)" }) },
  { additionalProperties: false },
);

const AreaRates = Type.Object({
  code: Type.String(),
  name: Type.String(),
  dispatched: count,
  rated: count,
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
});

/** 三率 by street: the response schema also keeps anything else a row might carry out of the answer. */
export const PublicRatesResponse = Type.Object({
  month: Month,
  months: Type.Array(Month),
  streets: Type.Array(AreaRates),
  district: AreaRates,
  partialWeight: Type.Number(),
  basicWeight: Type.Number(),
});

const Topic = Type.Object({
  month: Month,
  title: Type.String(),
  origin: OrNull(
    Type.Object({
      category: Type.Object({
        code: Type.String(),
        name: OrNull(Type.String()),
        nameEn: OrNull(Type.String()),
      }),
      area: Type.Object({
        code: Type.String(),
        name: OrNull(Type.String()),
        level: OrNull(Type.String()),
      }),
      count: OrNull(count),
      communities: OrNull(count),
      windowDays: OrNull(count),
    }),
  ),
  work: Type.Object({
    workDays: count,
    leaders: count,
    communities: count,
    households: count,
    casesCoordinated: count,
    problemsSolved: count,
    demandsRaised: count,
    demandsClosed: count,
  }),
  demands: Type.Array(
    Type.Object({
      month: Month,
      phase: Type.Union([Type.Literal("before"), Type.Literal("during"), Type.Literal("after")]),
      registered: count,
      closed: count,
    }),
  ),
});

export const PublicTopicsResponse = Type.Object({ items: Type.Array(Topic) });
