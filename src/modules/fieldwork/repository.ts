import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { LinkKind, Mood } from "./rules.js";

type Db = Kysely<DB> | Transaction<DB>;

/** A 走访清单 line: who visited where, when, how many households, what was found. */
export async function insertFieldVisit(
  trx: Transaction<DB>,
  visit: { visitorId: number; regionCode: string; visitedOn: string; households: number; summary: string },
): Promise<string> {
  const row = await trx
    .insertInto("field_visits")
    .values({
      visitor_id: visit.visitorId,
      region_code: visit.regionCode,
      visited_on: visit.visitedOn,
      households: visit.households,
      summary: visit.summary,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findUser(db: Db, id: number) {
  return db
    .selectFrom("users")
    .select(["id", "role", "display_name", "region_code"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The active link of a user of one kind (a leader has at most one community). */
export async function findActiveLink(db: Db, userId: number, kind: LinkKind) {
  return db
    .selectFrom("field_links")
    .selectAll()
    .where("user_id", "=", userId)
    .where("kind", "=", kind)
    .where("active", "=", true)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** The active links inside a region prefix, with the person and the place named. */
export async function listLinks(db: Db, filter: { prefix: string; kind?: LinkKind }) {
  return db
    .selectFrom("field_links as l")
    .innerJoin("users as u", "u.id", "l.user_id")
    .innerJoin("regions as r", "r.code", "l.region_code")
    .leftJoin("places as p", "p.id", "l.place_id")
    .select([
      "l.id",
      "l.kind",
      "l.user_id",
      "u.display_name",
      "l.region_code",
      "r.name as region_name",
      "l.place_id",
      "p.name as place_name",
      "l.since",
    ])
    .where("l.active", "=", true)
    .where("l.region_code", "like", `${filter.prefix}%`)
    .$if(filter.kind !== undefined, (qb) => qb.where("l.kind", "=", filter.kind as LinkKind))
    .orderBy("l.region_code")
    .orderBy("l.id")
    .execute();
}

export async function insertLink(
  trx: Transaction<DB>,
  link: {
    userId: number;
    kind: LinkKind;
    regionCode: string;
    placeId: number | null;
    since: string;
    by: number;
  },
): Promise<number> {
  if (link.kind === "leader_community") {
    // 联系社区 moves: the old link retires and the leader's jurisdiction follows the new community.
    await trx
      .updateTable("field_links")
      .set({ active: false })
      .where("user_id", "=", link.userId)
      .where("kind", "=", "leader_community")
      .where("active", "=", true)
      .execute();
    await trx
      .updateTable("users")
      .set({ region_code: link.regionCode })
      .where("id", "=", link.userId)
      .execute();
  }
  const row = await trx
    .insertInto("field_links")
    .values({
      user_id: link.userId,
      kind: link.kind,
      region_code: link.regionCode,
      place_id: link.placeId,
      since: link.since,
      created_by: link.by,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 每月一题 of a district for a month, with the warning it was chosen from. */
export async function findTopic(db: Db, regionCode: string, month: string) {
  return db
    .selectFrom("monthly_topics")
    .select(["id", "region_code", "month", "title", "warning_id"])
    .where("region_code", "=", regionCode)
    .where("month", "=", month)
    .executeTakeFirst();
}

export async function saveTopic(
  db: Db,
  topic: { regionCode: string; month: string; title: string; warningId: string | null; by: number },
) {
  return db
    .insertInto("monthly_topics")
    .values({
      region_code: topic.regionCode,
      month: topic.month,
      title: topic.title,
      warning_id: topic.warningId,
      set_by: topic.by,
    })
    .onConflict((oc) =>
      oc.columns(["region_code", "month"]).doUpdateSet({
        title: topic.title,
        warning_id: topic.warningId,
        set_by: topic.by,
      }),
    )
    .returning(["id", "region_code", "month", "title", "warning_id"])
    .executeTakeFirstOrThrow();
}

/** A 共性问题 warning the topic may be chosen from. */
export async function findCommonProblem(db: Db, id: string) {
  return db
    .selectFrom("warnings")
    .select(["id", "title", "region_code"])
    .where("id", "=", id)
    .where("rule", "=", "common_problem")
    .executeTakeFirst();
}

/** Recent 共性问题 warnings inside a prefix, to choose the topic from. */
export async function listCommonProblems(db: Db, prefix: string, limit: number) {
  return db
    .selectFrom("warnings")
    .select(["id", "title", "region_code", "created_at"])
    .where("rule", "=", "common_problem")
    .where("region_code", "like", `${prefix}%`)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

export interface NewWorkDay {
  leaderId: number;
  regionCode: string;
  workedOn: string;
  topicId: number | null;
  places: string;
  people: string;
  problems: string;
  casesCoordinated: number;
  problemsSolved: number;
  fieldVisitId: string;
}

export async function insertWorkDay(trx: Transaction<DB>, day: NewWorkDay): Promise<string> {
  const row = await trx
    .insertInto("work_days")
    .values({
      leader_id: day.leaderId,
      region_code: day.regionCode,
      worked_on: day.workedOn,
      topic_id: day.topicId,
      places: day.places,
      people: day.people,
      problems: day.problems,
      cases_coordinated: day.casesCoordinated,
      problems_solved: day.problemsSolved,
      field_visit_id: day.fieldVisitId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Work days inside a prefix (or of one leader), newest first, with the demands each raised. */
export async function listWorkDays(db: Db, filter: { prefix: string; leaderId?: number; limit: number }) {
  return db
    .selectFrom("work_days as w")
    .innerJoin("users as u", "u.id", "w.leader_id")
    .innerJoin("regions as r", "r.code", "w.region_code")
    .leftJoin("monthly_topics as t", "t.id", "w.topic_id")
    .select([
      "w.id",
      "w.leader_id",
      "u.display_name as leader_name",
      "w.region_code",
      "r.name as region_name",
      "w.worked_on",
      "t.title as topic",
      "w.places",
      "w.people",
      "w.problems",
      "w.cases_coordinated",
      "w.problems_solved",
      sql<
        { id: string; orderNo: string; state: string }[]
      >`coalesce((SELECT json_agg(json_build_object('id', o.id::text, 'orderNo', o.order_no, 'state', o.state) ORDER BY o.id)
        FROM work_day_orders x JOIN orders o ON o.id = x.order_id WHERE x.work_day_id = w.id), '[]')`.as(
        "orders",
      ),
    ])
    .where("w.region_code", "like", `${filter.prefix}%`)
    .$if(filter.leaderId !== undefined, (qb) => qb.where("w.leader_id", "=", filter.leaderId as number))
    .orderBy("w.worked_on", "desc")
    .orderBy("w.id", "desc")
    .limit(filter.limit)
    .execute();
}

export async function findWorkDay(db: Db, id: string) {
  return db.selectFrom("work_days").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function linkWorkDayOrder(trx: Transaction<DB>, workDayId: string, orderId: string) {
  await trx.insertInto("work_day_orders").values({ work_day_id: workDayId, order_id: orderId }).execute();
}

export interface NewDiaryEntry {
  authorId: number;
  regionCode: string;
  writtenOn: string;
  household: string;
  placeId: number | null;
  heard: string;
  mood: Mood;
  followUp: string;
  campaignId: number | null;
  fieldVisitId: string;
  idempotencyKey: string | null;
  requestHash: string | null;
}

export async function insertDiaryEntry(trx: Transaction<DB>, entry: NewDiaryEntry): Promise<string> {
  const row = await trx
    .insertInto("diary_entries")
    .values({
      author_id: entry.authorId,
      region_code: entry.regionCode,
      written_on: entry.writtenOn,
      household: entry.household,
      place_id: entry.placeId,
      heard: entry.heard,
      mood: entry.mood,
      follow_up: entry.followUp,
      campaign_id: entry.campaignId,
      field_visit_id: entry.fieldVisitId,
      idempotency_key: entry.idempotencyKey,
      request_hash: entry.requestHash,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Diary entries inside a prefix, newest first, with the demand raised from each. */
export async function listDiaryEntries(db: Db, filter: { prefix: string; authorId?: number; limit: number }) {
  return db
    .selectFrom("diary_entries as d")
    .innerJoin("users as u", "u.id", "d.author_id")
    .innerJoin("regions as r", "r.code", "d.region_code")
    .leftJoin("orders as o", "o.id", "d.order_id")
    .leftJoin("visit_campaigns as c", "c.id", "d.campaign_id")
    .select([
      "d.id",
      "d.author_id",
      "u.display_name as author_name",
      "d.region_code",
      "r.name as region_name",
      "d.written_on",
      "d.household",
      "d.heard",
      "d.mood",
      "d.follow_up",
      "d.campaign_id",
      "c.name as campaign_name",
      "d.order_id",
      "o.order_no",
      "o.state as order_state",
    ])
    .where("d.region_code", "like", `${filter.prefix}%`)
    .$if(filter.authorId !== undefined, (qb) => qb.where("d.author_id", "=", filter.authorId as number))
    .orderBy("d.written_on", "desc")
    .orderBy("d.id", "desc")
    .limit(filter.limit)
    .execute();
}

export async function findDiaryEntry(db: Db, id: string) {
  return db.selectFrom("diary_entries").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The entry a writer already sent with this Idempotency-Key, if any. */
export async function findDiaryEntryByKey(db: Db, authorId: number, key: string) {
  return db
    .selectFrom("diary_entries")
    .select(["id", "request_hash"])
    .where("author_id", "=", authorId)
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
}

/** Links the demand raised from an entry; false when one was raised already (raced). */
export async function setDiaryOrder(
  trx: Transaction<DB>,
  entryId: string,
  orderId: string,
): Promise<boolean> {
  const result = await trx
    .updateTable("diary_entries")
    .set({ order_id: orderId })
    .where("id", "=", entryId)
    .where("order_id", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
