import { type Kysely, sql } from "kysely";
import { containing } from "../../db/like.js";
import type { DB } from "../../db/schema.js";
import { visibleOrders } from "../../platform/auth/order-visibility.js";
import { type Actor, scopeOf } from "../../platform/auth/permissions.js";
import { OPEN_STATES } from "./workflow/lifecycle.js";

export interface OrderFilter {
  state?: string[];
  level?: string;
  unitId?: number;
  region?: string;
  category?: string;
  channel?: string;
  type?: string;
  overdue?: boolean;
  supervised?: boolean;
  warning?: string;
  /** Orders with an extension request waiting for a decision. */
  pendingExtension?: boolean;
  /** Orders a unit returned (退单) at least once. */
  returned?: boolean;
  /** mine: held (持有) inside the caller's jurisdiction; above: located in it but held by a higher level. */
  held?: "mine" | "above";
  q?: string;
  from?: string;
  to?: string;
  sort?: "created_at" | "handling_due_at" | "updated_at";
  order?: "asc" | "desc";
  page: number;
  pageSize: number;
}

/** 延期待批: an extension request of the order waits for the command centre. */
const hasPendingExtension = sql<boolean>`exists (select 1 from extension_requests x where x.order_id = o.id and x.state = 'pending')`;

/** The caller's orders, filtered, sorted and paged on the server. */
export async function listOrders(db: Kysely<DB>, actor: Actor, filter: OrderFilter, now: Date) {
  const query = filteredOrders(db, actor, filter, now);
  const total = await query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const sortColumn = filter.sort ?? "created_at";
  const rows = await query
    .leftJoin("categories as c", "c.code", "o.category_code")
    .leftJoin("units as u", "u.id", "o.main_unit_id")
    .leftJoin("regions as g", "g.code", "o.region_code")
    .selectAll("o")
    .select([
      "c.name as category_name",
      "u.name as unit_name",
      "g.name as region_name",
      hasPendingExtension.as("pending_extension"),
    ])
    .orderBy(`o.${sortColumn}`, (ob) =>
      filter.order === "asc" ? ob.asc().nullsLast() : ob.desc().nullsLast(),
    )
    .orderBy("o.id", "desc")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: total.n, rows };
}

/** How many orders `listOrders` would list for this caller and filter (the 工作台 counts). */
export async function countOrders(db: Kysely<DB>, actor: Actor, filter: OrderCriteria, now: Date) {
  const query = filteredOrders(db, actor, filter, now);
  return (await query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n;
}

/** The filter without paging and sorting: which orders, not how many at a time. */
export type OrderCriteria = Omit<OrderFilter, "page" | "pageSize" | "sort" | "order">;

/** The caller's visible orders narrowed by the filter: one query behind the list and its counts. */
function filteredOrders(db: Kysely<DB>, actor: Actor, filter: OrderCriteria, now: Date) {
  let query = db.selectFrom("orders as o").where(visibleOrders(actor));
  if (filter.state?.length) query = query.where("o.state", "in", filter.state);
  if (filter.level) query = query.where("o.handling_level", "=", filter.level as "grid");
  if (filter.unitId) query = query.where("o.main_unit_id", "=", filter.unitId);
  if (filter.region) {
    const region = filter.region;
    query = query.where((eb) =>
      eb.or([eb("o.region_code", "like", `${region}%`), eb("o.holder_region_code", "like", `${region}%`)]),
    );
  }
  if (filter.category) query = query.where("o.category_code", "like", `${filter.category}%`);
  if (filter.channel) query = query.where("o.channel", "=", filter.channel);
  if (filter.type) query = query.where("o.demand_type", "=", filter.type);
  if (filter.warning) query = query.where("o.warning_level", "=", filter.warning);
  if (filter.supervised) query = query.where("o.supervised_at", "is not", null);
  if (filter.pendingExtension) query = query.where(hasPendingExtension, "=", true);
  if (filter.returned) query = query.where("o.return_count", ">", 0);
  const scope = scopeOf(actor);
  if (filter.held && scope !== null) {
    query = query.where("o.holder_region_code", filter.held === "mine" ? "like" : "not like", `${scope}%`);
  }
  if (filter.overdue) {
    query = query
      .where("o.state", "in", OPEN_STATES as string[])
      .where("o.replied_at", "is", null)
      .where("o.handling_due_at", "<", now);
  }
  if (filter.q) {
    const like = containing(filter.q);
    query = query.where((eb) =>
      eb.or([
        eb("o.order_no", "like", like),
        eb("o.title", "like", like),
        eb("o.content", "like", like),
        eb("o.address", "like", like),
      ]),
    );
  }
  if (filter.from) query = query.where("o.created_at", ">=", new Date(filter.from));
  if (filter.to) query = query.where("o.created_at", "<", new Date(filter.to));
  return query;
}

/** One order with the names a reader needs. */
export async function loadOrderDetail(db: Kysely<DB>, id: string) {
  return db
    .selectFrom("orders as o")
    .leftJoin("categories as c", "c.code", "o.category_code")
    .leftJoin("units as u", "u.id", "o.main_unit_id")
    .leftJoin("regions as g", "g.code", "o.region_code")
    .selectAll("o")
    .select([
      "c.name as category_name",
      "u.name as unit_name",
      "g.name as region_name",
      hasPendingExtension.as("pending_extension"),
    ])
    .where("o.id", "=", id)
    .executeTakeFirst();
}

export async function listAssignments(db: Kysely<DB>, orderId: string) {
  return db
    .selectFrom("order_assignments as a")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .select([
      "a.unit_id",
      "u.name",
      "a.role",
      "a.assigned_at",
      "a.signed_at",
      "a.replied_at",
      "a.ended_at",
      "a.end_reason",
    ])
    .where("a.order_id", "=", orderId)
    .orderBy("a.id")
    .execute();
}

/** An order by its number (工单编号), as the public tracking page looks it up. */
export async function findOrderByNumber(db: Kysely<DB>, orderNo: string) {
  return db.selectFrom("orders").selectAll().where("order_no", "=", orderNo).executeTakeFirst();
}

/** A category's name, or null when the code is unknown. */
export async function categoryName(db: Kysely<DB>, code: string): Promise<string | null> {
  const row = await db.selectFrom("categories").select("name").where("code", "=", code).executeTakeFirst();
  return row?.name ?? null;
}

/** The newest orders (ids) a caller's phone raised that the actor may see. */
export async function ordersOfCaller(db: Kysely<DB>, actor: Actor, phoneHash: string, limit: number) {
  return db
    .selectFrom("orders as o")
    .select("o.id")
    .where(visibleOrders(actor))
    .where("o.caller_phone_hash", "=", phoneHash)
    .orderBy("o.created_at", "desc")
    .limit(limit)
    .execute();
}

/** An order's visits (回访), round by round. */
export async function listVisits(db: Kysely<DB>, orderId: string) {
  return db.selectFrom("visits").selectAll().where("order_id", "=", orderId).orderBy("round").execute();
}

/** What is attached to an order (without the bytes), oldest first. */
export async function listAttachments(db: Kysely<DB>, orderId: string) {
  return db
    .selectFrom("attachments")
    .select(["id", "file_name", "mime", "size_bytes"])
    .where("order_id", "=", orderId)
    .orderBy("created_at")
    .execute();
}

/** One attachment of an order, with its bytes. */
export async function findAttachment(db: Kysely<DB>, orderId: string, attachmentId: string) {
  return db
    .selectFrom("attachments")
    .select(["id", "mime", "content"])
    .where("id", "=", attachmentId)
    .where("order_id", "=", orderId)
    .executeTakeFirst();
}
