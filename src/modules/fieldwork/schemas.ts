import { Type } from "@sinclair/typebox";
import { calendarDay } from "../../platform/schema.js";
import { DEMAND_TYPES } from "../time-limits/rules.js";

export const RegionCode = Type.String({ pattern: "^[0-9]{6,15}$" });
export const BigId = Type.Object({ id: Type.String({ pattern: "^[0-9]{1,18}$" }) });
export const IntId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const Day = calendarDay();
export const Month = Type.String({ pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$" });

/** A demand raised from a work day or a diary entry: what it is about; where defaults to the record's place. */
export const FieldDemandBody = Type.Object(
  {
    content: Type.String({ minLength: 5, maxLength: 4000, description: "诉求内容" }),
    title: Type.Optional(Type.String({ maxLength: 60 })),
    type: Type.Optional(Type.Union(DEMAND_TYPES.map((t) => Type.Literal(t)))),
    categoryCode: Type.Optional(Type.String({ pattern: "^[0-9]{2,6}$" })),
    urgent: Type.Optional(Type.Boolean()),
    location: Type.Optional(
      Type.Object(
        {
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          crs: Type.Optional(
            Type.Union([Type.Literal("wgs84"), Type.Literal("gcj02"), Type.Literal("bd09")]),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    caller: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          phone: Type.Optional(Type.String({ pattern: "^\\+?[0-9][0-9 -]{6,19}$" })),
          confidential: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** What intake answers, trimmed to what the field page shows next. */
export function raised(result: { order: { id: string; order_no: string; state: string } }) {
  return { orderId: result.order.id, orderNo: result.order.order_no, state: result.order.state };
}
