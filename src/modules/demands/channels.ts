import { type TObject, Type } from "@sinclair/typebox";
import type { Role } from "../../db/schema.js";

const text = (maxLength: number, description: string) =>
  Type.String({ minLength: 1, maxLength, description });
const optionalText = (maxLength: number, description: string) => Type.Optional(text(maxLength, description));
const date = (description: string) =>
  Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: `${description} (YYYY-MM-DD)` });
const instant = (description: string) =>
  Type.String({
    pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$",
    description,
  });

interface ChannelDefinition {
  /** 渠道 name, zh-CN and en-US. */
  name: { "zh-CN": string; "en-US": string };
  /** Who may register a demand through this channel. */
  roles: readonly Role[];
  /** The channel's own intake fields (e.g. the 12345 work-order number). */
  fields: TObject;
}

const FIELD_STAFF: readonly Role[] = [
  "operator",
  "staff",
  "dispatcher",
  "grid_worker",
  "leader",
  "supervisor",
];

/** 群众呼声全收集: the ten ways of the seed plus the 12345 hotline, each with its own fields. */
export const CHANNELS = {
  "12345": {
    name: { "zh-CN": "12345热线", "en-US": "12345 hotline" },
    roles: ["operator", "dispatcher"],
    fields: Type.Object(
      {
        workOrderNo: text(40, "12345 work-order number (工单编号)"),
        callAt: Type.Optional(instant("when the call came in (ISO 8601)")),
        cityDueAt: Type.Optional(instant("the platform's own deadline (办理时限, ISO 8601)")),
      },
      { additionalProperties: false },
    ),
  },
  online: {
    name: { "zh-CN": "线上集", "en-US": "Online" },
    roles: ["resident", "operator", "staff", "dispatcher"],
    fields: Type.Object(
      {
        client: Type.Optional(
          Type.Union([
            Type.Literal("h5"),
            Type.Literal("app"),
            Type.Literal("mini_program"),
            Type.Literal("open311"),
          ]),
        ),
      },
      { additionalProperties: false },
    ),
  },
  grid_patrol: {
    name: { "zh-CN": "网格巡", "en-US": "Grid patrol" },
    roles: ["grid_worker"],
    fields: Type.Object(
      { patrolNote: optionalText(200, "where the patrol went") },
      { additionalProperties: false },
    ),
  },
  household_visit: {
    name: { "zh-CN": "入户访", "en-US": "Household visit" },
    roles: ["grid_worker", "staff", "leader"],
    fields: Type.Object(
      {
        household: text(100, "the household visited (门牌/户主)"),
        visitedOn: Type.Optional(date("visit date")),
      },
      { additionalProperties: false },
    ),
  },
  window: {
    name: { "zh-CN": "窗口接", "en-US": "Service window" },
    roles: ["staff", "dispatcher"],
    fields: Type.Object({ windowName: text(60, "which service window") }, { additionalProperties: false }),
  },
  deputy: {
    name: { "zh-CN": "代表提", "en-US": "Deputies" },
    roles: ["staff", "dispatcher", "operator", "leader"],
    fields: Type.Object(
      {
        deputyName: text(40, "the deputy's name"),
        deputyCardNo: optionalText(40, "代表证 number"),
        deputyKind: Type.Union([Type.Literal("npc"), Type.Literal("cppcc"), Type.Literal("party")], {
          description: "人大代表 npc, 政协委员 cppcc, 党代表 party",
        }),
      },
      { additionalProperties: false },
    ),
  },
  media: {
    name: { "zh-CN": "媒体寻", "en-US": "Media" },
    roles: ["staff", "dispatcher", "operator"],
    fields: Type.Object(
      {
        outlet: text(60, "the media outlet"),
        publishedOn: Type.Optional(date("publication date")),
        url: Type.Optional(Type.String({ pattern: "^https?://", maxLength: 500 })),
      },
      { additionalProperties: false },
    ),
  },
  petition: {
    name: { "zh-CN": "信访听", "en-US": "Letters and visits" },
    roles: ["staff", "dispatcher"],
    fields: Type.Object(
      {
        petitionNo: text(40, "信访件编号"),
        petitionKind: Type.Union([Type.Literal("letter"), Type.Literal("visit"), Type.Literal("online")]),
      },
      { additionalProperties: false },
    ),
  },
  field_inspection: {
    name: { "zh-CN": "实地查", "en-US": "Field inspection" },
    roles: ["staff", "dispatcher", "leader", "supervisor", "grid_worker"],
    fields: Type.Object({ inspector: text(40, "who inspected") }, { additionalProperties: false }),
  },
  forum: {
    name: { "zh-CN": "座谈征", "en-US": "Forum" },
    roles: ["staff", "dispatcher", "leader"],
    fields: Type.Object(
      { forumName: text(100, "the forum or meeting"), heldOn: date("meeting date") },
      { additionalProperties: false },
    ),
  },
  grassroots_report: {
    name: { "zh-CN": "基层报", "en-US": "Grassroots report" },
    roles: FIELD_STAFF,
    fields: Type.Object(
      { reportingOrganisation: text(100, "the reporting organisation") },
      { additionalProperties: false },
    ),
  },
} as const satisfies Record<string, ChannelDefinition>;

export type Channel = keyof typeof CHANNELS;
export const CHANNEL_CODES = Object.keys(CHANNELS) as Channel[];
