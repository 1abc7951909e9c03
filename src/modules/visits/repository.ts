import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

/** The visit a rating link's token opens, with the demand and reply it is about. */
export function findVisitByToken(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom("visits as v")
    .innerJoin("orders as o", "o.id", "v.order_id")
    .select([
      "v.id",
      "v.order_id",
      "v.state",
      "v.round",
      "v.solved",
      "v.satisfied",
      "o.order_no",
      "o.title",
      "o.content",
      "o.disposition",
      "o.reply_text",
      "o.replied_at",
    ])
    .where("v.token_hash", "=", tokenHash)
    .executeTakeFirst();
}
