import { Type } from "@sinclair/typebox";
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
