import { chinaDateTime } from "../../src/platform/calendar/china-time.js";
import type { TestApp } from "../helpers/app.js";
import { unitId } from "../helpers/orders.js";

/** "MM-DD HH:mm" of 2026, China time. */
export function cn(at: string): Date {
  const [day, time] = at.split(" ");
  return chinaDateTime(`2026-${day}`, time);
}

type Place = "C1" | "C2" | "C3";
type UnitName = "rsj" | "zjj";

/** One order of the fixture, every instant in China time ("MM-DD HH:mm" of 2026). */
interface OrderRow {
  place: Place;
  unit: UnitName | null;
  state: string;
  created: string;
  dispatched?: string;
  responseDue?: string;
  signed?: string;
  handlingDue?: string;
  replied?: string;
  closed?: string;
  disposition?: string;
  onSpot?: boolean;
  channel?: string;
  ledger?: string;
  reopens?: number;
  returns?: number;
}

/**
 * The November 2026 fixture. C1, C2 are the first two communities of street S1 (南院门街道), C3 the
 * first of street S2 (柏树林街道); units are 人社局 (rsj) and 住建局 (zjj). The `✗` marks what fails
 * a KPI; the tests spell out the expected value of each KPI from this table.
 *
 *  o1 C1 rsj  dispatched 11-02 09:00, signed 10:00 (limit 11:00), due 11-09, replied 11-06, closed
 *  o2 C1 rsj  dispatched 11-03 09:00, signed 10:30, due 11-10, replied 11-12 ✗ late, closed (explained)
 *  o3 C1 zjj  dispatched 11-04 09:00, signed 14:00 ✗ late, due 11-20, replied 11-18, verified
 *  o4 C2 rsj  dispatched 11-05 09:00, signed 09:30, due 11-25, not replied ✗, supervised and urged
 *  o5 C2 zjj  dispatched 11-06 09:00 to rsj, returned by rsj, redispatched 11-07 to zjj, signed in time, due 12-05
 *  o6 C1 —    solved on the spot 11-01 07:00 China time (still October in UTC), no response limit, closed
 *  o7 C2 rsj  dispatched 11-20 09:00, signed 10:00, due 11-27, replied 11-26, verified
 *  o8 C1 rsj  dispatched 10-28 (October), due 11-04, replied 11-03, closed
 *  o9 C2 zjj  dispatched 10-20 (October), visit 11-02 unsolved, reopened 11-03, new due 11-10, replied 11-09
 *  o10 C1 —   registered 11-28, nothing else
 *  q1 C1 rsj  dispatched 12-01 07:00 China time (still November in UTC), waiting to be signed
 *  p1 C3 rsj  dispatched 11-05 09:00, signed 10:00, due 11-12, replied 11-10, closed
 *  p2 C3 rsj  dispatched 11-06 09:00, signed 10:00, due 11-13, replied 11-11, closed
 */
// biome-ignore format: one order per line reads as the table it is
const ORDERS: Record<string, OrderRow> = {
  o1: { place: "C1", unit: "rsj", state: "closed", created: "11-02 08:30", dispatched: "11-02 09:00", responseDue: "11-02 11:00", signed: "11-02 10:00", handlingDue: "11-09 18:00", replied: "11-06 09:00", closed: "11-08 10:00", disposition: "solved" },
  o2: { place: "C1", unit: "rsj", state: "closed", created: "11-03 08:30", dispatched: "11-03 09:00", responseDue: "11-03 11:00", signed: "11-03 10:30", handlingDue: "11-10 18:00", replied: "11-12 09:00", closed: "11-14 10:00", disposition: "explained", ledger: "difficult" },
  o3: { place: "C1", unit: "zjj", state: "verified", created: "11-04 08:30", dispatched: "11-04 09:00", responseDue: "11-04 11:00", signed: "11-04 14:00", handlingDue: "11-20 18:00", replied: "11-18 09:00", disposition: "solved" },
  o4: { place: "C2", unit: "rsj", state: "handling", created: "11-05 08:30", dispatched: "11-05 09:00", responseDue: "11-05 11:00", signed: "11-05 09:30", handlingDue: "11-25 18:00", ledger: "common" },
  o5: { place: "C2", unit: "zjj", state: "handling", created: "11-06 08:30", dispatched: "11-06 09:00", responseDue: "11-07 11:00", signed: "11-07 10:00", handlingDue: "12-05 18:00", returns: 1 },
  o6: { place: "C1", unit: null, state: "closed", created: "11-01 06:30", dispatched: "11-01 07:00", signed: "11-01 07:00", handlingDue: "11-03 18:00", replied: "11-01 07:00", closed: "11-02 10:00", disposition: "solved", onSpot: true, channel: "grid_patrol" },
  o7: { place: "C2", unit: "rsj", state: "verified", created: "11-20 08:30", dispatched: "11-20 09:00", responseDue: "11-20 11:00", signed: "11-20 10:00", handlingDue: "11-27 18:00", replied: "11-26 09:00", disposition: "solved" },
  o8: { place: "C1", unit: "rsj", state: "closed", created: "10-28 08:30", dispatched: "10-28 09:00", responseDue: "10-28 11:00", signed: "10-28 10:00", handlingDue: "11-04 18:00", replied: "11-03 09:00", closed: "11-05 10:00", disposition: "solved" },
  o9: { place: "C2", unit: "zjj", state: "replied", created: "10-20 08:30", dispatched: "10-20 09:00", responseDue: "10-20 11:00", signed: "10-20 10:00", handlingDue: "11-10 18:00", replied: "11-09 09:00", disposition: "solved", reopens: 1 },
  o10: { place: "C1", unit: null, state: "registered", created: "11-28 08:00", channel: "online" },
  q1: { place: "C1", unit: "rsj", state: "dispatched", created: "12-01 06:30", dispatched: "12-01 07:00", responseDue: "12-01 09:00", handlingDue: "12-08 18:00" },
  p1: { place: "C3", unit: "rsj", state: "closed", created: "11-05 08:30", dispatched: "11-05 09:00", responseDue: "11-05 11:00", signed: "11-05 10:00", handlingDue: "11-12 18:00", replied: "11-10 09:00", closed: "11-12 10:00", disposition: "solved", channel: "online" },
  p2: { place: "C3", unit: "rsj", state: "closed", created: "11-06 08:30", dispatched: "11-06 09:00", responseDue: "11-06 11:00", signed: "11-06 10:00", handlingDue: "11-13 18:00", replied: "11-11 09:00", closed: "11-13 10:00", disposition: "solved" },
};

/** Lifecycle events the KPIs count: [order, action, at, unit charged]. */
const EVENTS: [string, string, string, UnitName | null][] = [
  ["o1", "dispatch", "11-02 09:00", "rsj"],
  ["o2", "dispatch", "11-03 09:00", "rsj"],
  ["o3", "dispatch", "11-04 09:00", "zjj"],
  ["o4", "dispatch", "11-05 09:00", "rsj"],
  ["o5", "dispatch", "11-06 09:00", "rsj"],
  ["o5", "return", "11-06 15:00", "rsj"],
  ["o5", "dispatch", "11-07 09:00", "zjj"],
  ["o6", "solve_on_spot", "11-01 07:00", null],
  ["o7", "dispatch", "11-20 09:00", "rsj"],
  ["o8", "dispatch", "10-28 09:00", "rsj"],
  ["o9", "dispatch", "10-20 09:00", "zjj"],
  // 重办 names no unit: it is charged to the order's main unit.
  ["o9", "reopen", "11-03 10:00", null],
  ["q1", "dispatch", "12-01 07:00", "rsj"],
  ["p1", "dispatch", "11-05 09:00", "rsj"],
  ["p2", "dispatch", "11-06 09:00", "rsj"],
  ["o2", "urge", "11-11 10:00", "rsj"],
  ["o4", "supervise", "11-26 00:05", "rsj"],
  ["o4", "urge", "11-27 10:00", "rsj"],
];

/** Return visits: [order, round, visited at (null: pending), solved, satisfied]. */
const VISITS: [string, number, string | null, string | null, string | null][] = [
  ["o8", 1, "11-05 09:00", "solved", "satisfied"],
  ["o1", 1, "11-07 09:00", "solved", "satisfied"],
  ["o2", 1, "11-13 09:00", "partly", "basically"],
  ["o9", 1, "11-02 09:00", "unsolved", "unsatisfied"],
  ["o6", 1, "11-02 09:00", "solved", "satisfied"],
  ["o3", 1, null, null, null],
  ["p1", 1, "11-11 09:00", "solved", "satisfied"],
  ["p2", 1, "11-12 09:00", "solved", "basically"],
];

export interface Fixture {
  S1: string;
  S2: string;
  C1: string;
  C2: string;
  C3: string;
  units: Record<UnitName, number>;
  /** Order ids by fixture name. */
  ids: Record<string, string>;
}

async function firstChild(t: TestApp, parent: string, index = 0): Promise<string> {
  const rows = await t.ctx.db
    .selectFrom("regions")
    .select("code")
    .where("parent_code", "=", parent)
    .orderBy("code")
    .execute();
  return rows[index].code;
}

/** Inserts the fixture's orders, events, visits and field visits directly, with their known instants. */
export async function loadFixture(t: TestApp): Promise<Fixture> {
  const S1 = "610103001";
  const S2 = "610103002";
  const places = {
    C1: await firstChild(t, S1, 0),
    C2: await firstChild(t, S1, 1),
    C3: await firstChild(t, S2, 0),
  };
  const units = { rsj: await unitId(t, "rsj"), zjj: await unitId(t, "zjj") };
  // rsj orders are 工资纠纷 (劳动社保), zjj ones 城乡建设, the on-the-spot one 公共安全.
  const categories = { rsj: "0501", zjj: "0102", onSpot: "090203" };
  const ids: Record<string, string> = {};
  for (const [name, row] of Object.entries(ORDERS)) {
    const community = places[row.place];
    const grid = await firstChild(t, community);
    const at = (value?: string) => (value ? cn(value) : null);
    const inserted = await t.ctx.db
      .insertInto("orders")
      .values({
        order_no: `FX-${name}`,
        channel: row.channel ?? "12345",
        channel_fields: "{}",
        demand_type: "complaint",
        category_code: row.onSpot ? categories.onSpot : row.unit ? categories[row.unit] : null,
        urgent: false,
        ledger: row.ledger ?? "general",
        title: `考核样例 ${name}`,
        content: `考核样例工单 ${name}`,
        region_code: grid,
        grid_code: grid,
        community_code: community,
        street_code: community.slice(0, 9),
        confidential: false,
        state: row.state,
        handling_level: row.onSpot ? "grid" : row.unit ? "district" : "community",
        holder_region_code: row.unit ? "610103" : community,
        main_unit_id: row.unit ? units[row.unit] : null,
        solved_on_spot: row.onSpot ?? false,
        disposition: row.disposition ?? null,
        reply_text: row.replied ? `答复样例 ${name}` : null,
        created_at: cn(row.created),
        dispatched_at: at(row.dispatched),
        response_due_at: at(row.responseDue),
        signed_at: at(row.signed),
        handling_due_at: at(row.handlingDue),
        replied_at: at(row.replied),
        closed_at: at(row.closed),
        reopen_count: row.reopens ?? 0,
        return_count: row.returns ?? 0,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[name] = inserted.id;
  }
  await t.ctx.db
    .insertInto("order_events")
    .values(
      EVENTS.map(([name, action, at, unit]) => ({
        order_id: ids[name],
        action,
        from_state: null,
        to_state: null,
        actor_id: null,
        actor_role: "system",
        unit_id: unit ? units[unit] : null,
        data: "{}",
        at: cn(at),
      })),
    )
    .execute();
  await t.ctx.db
    .insertInto("visits")
    .values(
      VISITS.map(([name, round, at, solved, satisfied]) => ({
        order_id: ids[name],
        round,
        token_hash: `fixture-${name}-${round}`,
        state: at ? ("done" as const) : ("pending" as const),
        solved: solved as "solved" | null,
        satisfied: satisfied as "satisfied" | null,
        visited_at: at ? cn(at) : null,
      })),
    )
    .execute();
  await insertFieldVisits(t, places.C1, S2);
  return { S1, S2, ...places, units, ids };
}

/** 走访清单 rows: two in C1 in November, one in C1 in October, one in street S2 in November. */
async function insertFieldVisits(t: TestApp, c1: string, s2: string): Promise<void> {
  const userId = async (username: string) =>
    (
      await t.ctx.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow()
    ).id;
  const s2Worker = await t.ctx.db
    .selectFrom("users")
    .select(["id", "region_code"])
    .where("role", "=", "grid_worker")
    .where("region_code", "like", `${s2}%`)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const gridOfC1 = await firstChild(t, c1);
  await t.ctx.db
    .insertInto("field_visits")
    .values([
      {
        visitor_id: await userId("leader"),
        region_code: c1,
        visited_on: "2026-11-15",
        households: 12,
        summary: "社区工作日走访，了解老旧小区改造诉求",
      },
      {
        visitor_id: await userId("gridworker"),
        region_code: gridOfC1,
        visited_on: "2026-11-30",
        households: 30,
        summary: "入户走访独居老人",
      },
      {
        visitor_id: await userId("gridworker"),
        region_code: gridOfC1,
        visited_on: "2026-10-30",
        households: 8,
        summary: "十月走访",
      },
      {
        visitor_id: s2Worker.id,
        region_code: s2Worker.region_code as string,
        visited_on: "2026-11-10",
        households: 5,
        summary: "柏树林网格走访",
      },
    ])
    .execute();
}
