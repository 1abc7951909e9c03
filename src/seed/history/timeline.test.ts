import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_LIMIT_RULES, pickRule } from "../../modules/time-limits/rules.js";
import type { TimeLimits } from "../../modules/time-limits/service.js";
import { chinaDateTime, endOfChinaDay } from "../../platform/calendar/china-time.js";
import { createOfficialCalendar } from "../../platform/calendar/official-calendar.js";
import type { OrderRow } from "./rows.js";
import { OrderTimeline } from "./timeline.js";
import type { Staff, World } from "./world.js";

const operator: Staff = { id: 1, role: "operator", regionCode: "610103", unitId: null };
const dispatcher: Staff = { id: 2, role: "dispatcher", regionCode: "610103", unitId: null };
const handler: Staff = { id: 3, role: "unit_handler", regionCode: null, unitId: 40 };
const world = {
  calendar: createOfficialCalendar([]),
  timeLimits: { ruleFor: (query) => pickRule(DEFAULT_TIME_LIMIT_RULES, query) } as Pick<
    TimeLimits,
    "ruleFor"
  >,
} as World;

/** A consultation (2 working days) registered on Monday 2026-11-23 at 09:00. */
function consultation(now: Date): OrderTimeline {
  const created = chinaDateTime("2026-11-23", "09:00");
  const row = {
    demand_type: "consult",
    category_code: "100502",
    urgent: false,
    ledger: "general",
    state: "registered",
    handling_level: "district",
    main_unit_id: null,
    merged_into: null,
    return_count: 0,
    reopen_count: 0,
    urge_count: 0,
    warning_level: "none",
    created_at: created,
    updated_at: created,
  } as Partial<OrderRow> as OrderRow;
  const t = new OrderTimeline(world, row, now);
  t.register(operator, {});
  return t;
}

const at = (day: string, time: string) => chinaDateTime(day, time);

describe("an order's history is written through the lifecycle table", () => {
  it("refuses a step the order's state does not allow, or the actor's role", () => {
    const t = consultation(at("2026-11-30", "10:00"));
    expect(() => t.sign(at("2026-11-23", "09:10"), handler)).toThrow(/sign is not allowed from registered/);
    expect(() => t.accept(at("2026-11-23", "09:10"), handler)).toThrow(/unit_handler may not accept/);
  });

  it("computes the deadlines of the dispatch from the working calendar and keeps the unit's assignment", () => {
    const t = consultation(at("2026-11-30", "10:00"));
    t.accept(at("2026-11-23", "09:10"), dispatcher);
    t.dispatch(at("2026-11-23", "09:20"), dispatcher, 40, []);
    expect(t.row).toMatchObject({
      state: "dispatched",
      main_unit_id: 40,
      handling_due_at: endOfChinaDay("2026-11-25"),
      version: 3,
    });
    expect(t.assignments).toMatchObject([{ unit_id: 40, role: "main", ended_at: null }]);
  });

  it("stops at now: a step after it has not happened, nor anything after that", () => {
    const t = consultation(at("2026-11-23", "09:15"));
    expect(t.accept(at("2026-11-23", "09:10"), dispatcher)).toBe(true);
    expect(t.dispatch(at("2026-11-23", "09:20"), dispatcher, 40, [])).toBe(false);
    expect(t.going).toBe(false);
    expect(t.events.map((e) => e.action)).toEqual(["register", "accept"]);
    expect(t.row.state).toBe("accepted");
  });

  it("records the deadline watch's supervision before a late reply, as it happened before it", () => {
    const t = consultation(at("2026-11-30", "10:00"));
    t.accept(at("2026-11-23", "09:10"), dispatcher);
    t.dispatch(at("2026-11-23", "09:20"), dispatcher, 40, []);
    t.sign(at("2026-11-23", "10:00"), handler);
    t.reply(at("2026-11-26", "10:00"), handler, "solved", "已处理完毕");
    const supervise = t.events.find((e) => e.action === "supervise");
    expect(supervise).toMatchObject({ from_state: "handling", to_state: "handling", actor_role: "system" });
    expect(supervise?.at.getTime()).toBe(endOfChinaDay("2026-11-25").getTime() + 30_000);
    expect(t.events.map((e) => e.action)).toEqual([
      "register",
      "accept",
      "dispatch",
      "sign",
      "supervise",
      "reply",
    ]);
    t.settle();
    expect(t.row).toMatchObject({ warning_level: "red", supervised_at: supervise?.at, version: 6 });
  });
});
