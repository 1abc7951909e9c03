import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";

/** Councils and alliances a reader sees: inside the prefix, or a street's alliance above it. */
function visible(prefix: string) {
  return prefix === ""
    ? sql<boolean>`true`
    : sql<boolean>`(c.region_code LIKE ${`${prefix}%`} OR ${prefix} LIKE c.region_code || '%')`;
}

/** Councils with what the source counts: members, meetings held, projects set and solved. */
export function listCouncils(db: Kysely<DB>, prefix: string, id?: number) {
  return db
    .selectFrom("joint_councils as c")
    .select([
      "c.id",
      "c.kind",
      "c.name",
      "c.region_code",
      "c.founded_on",
      sql<number>`(SELECT count(*)::int FROM joint_members m WHERE m.council_id = c.id AND m.active)`.as(
        "members",
      ),
      sql<number>`(SELECT count(*)::int FROM joint_meetings m WHERE m.council_id = c.id)`.as("meetings"),
      sql<number>`(SELECT count(*)::int FROM joint_projects p WHERE p.council_id = c.id)`.as("projects"),
      sql<number>`(SELECT count(*)::int FROM joint_projects p WHERE p.council_id = c.id AND p.state = 'solved')`.as(
        "solved",
      ),
    ])
    .where(visible(prefix))
    .$if(id !== undefined, (qb) => qb.where("c.id", "=", id as number))
    .orderBy("c.region_code")
    .orderBy("c.id")
    .execute();
}

export type CouncilRow = Awaited<ReturnType<typeof listCouncils>>[number];

export function findCouncil(db: Kysely<DB>, id: number) {
  return db.selectFrom("joint_councils").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The council of this kind a region already has, if any. */
export function findCouncilOf(db: Kysely<DB>, kind: "council" | "alliance", regionCode: string) {
  return db
    .selectFrom("joint_councils")
    .select("id")
    .where("kind", "=", kind)
    .where("region_code", "=", regionCode)
    .executeTakeFirst();
}

export function insertCouncil(db: Kysely<DB>, council: Insertable<DB["joint_councils"]>) {
  return db.insertInto("joint_councils").values(council).returning("id").executeTakeFirstOrThrow();
}

export function insertCouncilMember(db: Kysely<DB>, member: Insertable<DB["joint_members"]>) {
  return db.insertInto("joint_members").values(member).returning("id").executeTakeFirstOrThrow();
}

/** A member of the given council, if it is one. */
export function findCouncilMember(db: Kysely<DB>, councilId: number, memberId: number) {
  return db
    .selectFrom("joint_members")
    .select("id")
    .where("id", "=", memberId)
    .where("council_id", "=", councilId)
    .executeTakeFirst();
}

export function insertListItem(db: Kysely<DB>, item: Insertable<DB["joint_list_items"]>) {
  return db.insertInto("joint_list_items").values(item).returning("id").executeTakeFirstOrThrow();
}

export function findMeeting(db: Kysely<DB>, id: number) {
  return db.selectFrom("joint_meetings").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A meeting's decisions, each with the project it became (if any). */
export function meetingDecisions(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom("joint_decisions as d")
    .leftJoin("joint_projects as p", "p.decision_id", "d.id")
    .select(["d.id", "d.text", "p.id as project_id", "p.state as project_state"])
    .where("d.meeting_id", "=", meetingId)
    .orderBy("d.id")
    .execute();
}

export function councilDetail(db: Kysely<DB>, id: number) {
  return Promise.all([
    db
      .selectFrom("joint_members")
      .select(["id", "kind", "name", "contact", "active", "joined_on"])
      .where("council_id", "=", id)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("joint_list_items")
      .select(["id", "list", "member_id", "title", "project_id"])
      .where("council_id", "=", id)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("joint_meetings")
      .select(["id", "held_on", "topic"])
      .where("council_id", "=", id)
      .orderBy("held_on", "desc")
      .orderBy("id", "desc")
      .execute(),
  ]);
}

/** Projects of the visible councils, newest first, optionally of one council or state. */
export function listProjects(
  db: Kysely<DB>,
  filter: {
    prefix: string;
    councilId?: number;
    state?: string;
    id?: number;
    /** Closed (solved or shelved) on a China day from `from` up to, not including, `to`. */
    closed?: { from: string; to: string };
  },
) {
  const closed = filter.closed;
  return db
    .selectFrom("joint_projects as p")
    .innerJoin("joint_councils as c", "c.id", "p.council_id")
    .leftJoin("joint_decisions as d", "d.id", "p.decision_id")
    .select([
      "p.id",
      "p.council_id",
      "c.name as council_name",
      "c.region_code",
      "p.decision_id",
      "d.meeting_id",
      "p.title",
      "p.owner",
      "p.owner_member_id",
      "p.due_on",
      "p.state",
      "p.set_on",
      "p.closed_on",
    ])
    .where(visible(filter.prefix))
    .$if(filter.councilId !== undefined, (qb) => qb.where("p.council_id", "=", filter.councilId as number))
    .$if(filter.state !== undefined, (qb) => qb.where("p.state", "=", filter.state as never))
    .$if(filter.id !== undefined, (qb) => qb.where("p.id", "=", filter.id as number))
    .$if(closed !== undefined, (qb) =>
      qb.where("p.closed_on", ">=", closed?.from as string).where("p.closed_on", "<", closed?.to as string),
    )
    .orderBy("p.set_on", "desc")
    .orderBy("p.id", "desc")
    .limit(2000)
    .execute();
}

export type ProjectRow = Awaited<ReturnType<typeof listProjects>>[number];

export function projectParts(db: Kysely<DB>, id: number) {
  return Promise.all([
    db
      .selectFrom("joint_project_steps as s")
      .leftJoin("users as u", "u.id", "s.by_user")
      .select(["s.id", "s.action", "s.note", "s.on_date", "u.display_name as by_name"])
      .where("s.project_id", "=", id)
      .orderBy("s.id")
      .execute(),
    db
      .selectFrom("joint_project_members as pm")
      .innerJoin("joint_members as m", "m.id", "pm.member_id")
      .select(["m.id", "m.name", "m.kind"])
      .where("pm.project_id", "=", id)
      .execute(),
    db
      .selectFrom("joint_project_orders as po")
      .innerJoin("orders as o", "o.id", "po.order_id")
      .select(["o.id", "o.order_no", "o.title", "o.state"])
      .where("po.project_id", "=", id)
      .execute(),
    db
      .selectFrom("joint_project_warnings as pw")
      .innerJoin("warnings as w", "w.id", "pw.warning_id")
      .select(["w.id", "w.title", "w.state"])
      .where("pw.project_id", "=", id)
      .execute(),
  ]);
}

/**
 * 累计召开议事协商会议、确定共建项目、解决实际问题 per street and per community under the prefix:
 * councils, meetings held, projects set and solved (optionally closed or held in a date range).
 */
export async function totals(db: Kysely<DB>, prefix: string) {
  const rows = await db
    .selectFrom("joint_councils as c")
    .select([
      "c.region_code",
      "c.kind",
      sql<number>`(SELECT count(*)::int FROM joint_meetings m WHERE m.council_id = c.id)`.as("meetings"),
      sql<number>`(SELECT count(*)::int FROM joint_projects p WHERE p.council_id = c.id)`.as("projects"),
      sql<number>`(SELECT count(*)::int FROM joint_projects p WHERE p.council_id = c.id AND p.state = 'solved')`.as(
        "solved",
      ),
    ])
    .$if(prefix !== "", (qb) => qb.where("c.region_code", "like", `${prefix}%`))
    .execute();
  return rows;
}
