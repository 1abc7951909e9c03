import { describe, expect, it } from "vitest";
import { endOfChinaDay } from "../../platform/calendar/china-time.js";
import { createOfficialCalendar } from "../../platform/calendar/official-calendar.js";
import {
  type ClockBasis,
  computeDeadlines,
  extendDeadline,
  handlingClockBasis,
  isOverdue,
  responseClockBasis,
  type WarningLevel,
  warningLevel,
} from "./deadlines.js";
import { DEFAULT_TIME_LIMIT_RULES, type DemandType, pickRule, type TimeLimitRule } from "./rules.js";

// Specifications on the real 2026 calendar (State Council arrangement, via chinese-days):
//   春节 02-15 (Sun) … 02-23 (Mon) off, make-up Saturdays 02-14 and 02-28;
//   中秋 09-25 … 09-27 off; 国庆 10-01 (Thu) … 10-07 (Wed) off, make-up Sunday 09-20 and Saturday 10-10.
// Times are China wall-clock time; every test must pass with TZ=UTC and TZ=America/New_York alike.

const calendar = createOfficialCalendar();

/** A China wall-clock instant, "YYYY-MM-DD HH:MM[:SS]", parsed as ISO 8601 with an explicit +08:00 offset. */
function at(text: string): Date {
  const [day, time] = text.split(" ");
  return new Date(`${day}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

const ruleFor = (type: DemandType, urgent = false) =>
  pickRule(DEFAULT_TIME_LIMIT_RULES, { categoryCode: "0301", type, urgent });

describe("handling deadline: N working days counted from the day after dispatch, due at 23:59:59.999", () => {
  it.each<[DemandType, string, string, string]>([
    // [type, dispatched, due day, how the days count]
    [
      "complaint",
      "2026-09-30 10:00",
      "2026-10-27",
      "15 WD: 10-01..07 国庆 off; 1 = 10-08 Thu, 2 = 10-09 Fri, 3 = 10-10 Sat (调休); 4–8 = 10-12..16; " +
        "9–13 = 10-19..23; 14 = 10-26 Mon; 15 = 10-27 Tue",
    ],
    ["consult", "2026-11-27 16:00", "2026-12-01", "2 WD from a Friday: Mon 11-30, Tue 12-01"],
    [
      "help",
      "2026-11-29 09:00",
      "2026-12-04",
      "5 WD from a Sunday: day 1 is Monday 11-30, day 5 Friday 12-04",
    ],
    [
      "consult",
      "2026-09-19 09:00",
      "2026-09-21",
      "from an ordinary Saturday: 1 = make-up Sunday 09-20, 2 = 09-21",
    ],
    ["consult", "2026-09-20 09:00", "2026-09-22", "from the make-up Sunday, a working day: 09-21, 09-22"],
    ["help", "2026-02-13 15:00", "2026-02-27", "5 WD: 1 = Sat 02-14 (调休); 02-15..23 春节; 2–5 = 02-24..27"],
    [
      "suggestion",
      "2026-02-13 15:00",
      "2026-03-05",
      "10 WD: 1 = 02-14; 2–5 = 02-24..27; 6 = Sat 02-28 (调休); 7–10 = 03-02..05",
    ],
    ["praise", "2026-06-18 09:00", "2026-06-23", "2 WD: 06-19..21 端午 off; 1 = Mon 06-22, 2 = Tue 06-23"],
    [
      "consult",
      "2026-11-27 07:00",
      "2026-12-01",
      "07:00 Friday in Beijing is still Thursday in UTC: counts from Friday",
    ],
  ])("%s dispatched %s is due at the end of %s (%s)", (type, dispatched, dueDay) => {
    const { handlingDueAt } = computeDeadlines(calendar, ruleFor(type), at(dispatched));
    expect(handlingDueAt).toEqual(new Date(`${dueDay}T23:59:59.999+08:00`));
  });
});

describe("response deadline: 120 working minutes within 08:30–12:00 and 14:00–18:00", () => {
  it.each([
    ["2026-11-26 11:30", "2026-11-26 15:30", "30 before lunch, 90 after"],
    ["2026-11-27 17:50", "2026-11-30 10:20", "Friday 17:50: 10 minutes, then 110 on Monday"],
    ["2026-09-30 17:50", "2026-10-08 10:20", "the 国庆 holiday is skipped"],
    ["2026-02-13 17:50", "2026-02-14 10:20", "continues on the 调休 Saturday"],
    ["2026-10-03 09:00", "2026-10-08 10:30", "dispatched on a holiday: starts 08:30 on the next working day"],
  ])("dispatched %s → sign by %s (%s)", (dispatched, due) => {
    expect(computeDeadlines(calendar, ruleFor("help"), at(dispatched)).responseDueAt).toEqual(at(due));
  });
});

describe("urgent orders run on calendar time, holidays included", () => {
  it("dispatched at 20:00 on National Day: sign by 20:30, handle within 24 hours", () => {
    expect(computeDeadlines(calendar, ruleFor("help", true), at("2026-10-01 20:00"))).toEqual({
      responseDueAt: at("2026-10-01 20:30"),
      handlingDueAt: at("2026-10-02 20:00"),
    });
  });
});

describe("warning lights (yellow at 75 % of the limit, red when overdue)", () => {
  /** Asserts the light of a clock started at `start` and due at `due`, at each China time listed. */
  function expectLights(basis: ClockBasis, start: string, due: Date, expected: Record<string, WarningLevel>) {
    const actual = Object.fromEntries(
      Object.keys(expected).map((now) => [now, warningLevel(calendar, basis, at(start), due, at(now))]),
    );
    expect(actual).toEqual(expected);
  }

  it("response: 120 working minutes from 11:30, due 15:30; 75 % = 90 minutes = 30 before lunch + 60 → 15:00", () => {
    expectLights(responseClockBasis(ruleFor("help")), "2026-11-26 11:30", at("2026-11-26 15:30"), {
      "2026-11-26 14:59:59": "none",
      "2026-11-26 15:00": "yellow",
      "2026-11-26 15:30": "yellow",
      "2026-11-26 15:31": "red",
    });
  });

  it("complaint from 09-30, due 10-27: 75 % of 15 working days = 11.25 days → 10-22 (day 12) 08:30 + 112.5 min", () => {
    // The rest of the dispatch day is not on the clock; each working day holds 7.5 working hours.
    expectLights(handlingClockBasis(ruleFor("complaint")), "2026-09-30 10:00", endOfChinaDay("2026-10-27"), {
      "2026-09-30 17:00": "none",
      "2026-10-22 10:22:29": "none",
      "2026-10-22 10:22:30": "yellow",
      "2026-10-27 23:59:59": "yellow",
      "2026-10-28 00:00": "red",
    });
  });

  it("consult from Friday, due Tuesday: 75 % of 2 days = Monday + 225 min of Tuesday = 08:30 + 210 (to 12:00) + 15", () => {
    expectLights("working_days", "2026-11-27 16:00", endOfChinaDay("2026-12-01"), {
      "2026-11-30 18:00": "none",
      "2026-12-01 14:14": "none",
      "2026-12-01 14:15": "yellow",
    });
  });

  it("urgent: 24 calendar hours from 20:00 on National Day; 75 % = 18 hours, holiday or not", () => {
    expectLights(handlingClockBasis(ruleFor("help", true)), "2026-10-01 20:00", at("2026-10-02 20:00"), {
      "2026-10-02 13:59": "none",
      "2026-10-02 14:00": "yellow",
      "2026-10-02 20:01": "red",
    });
  });

  it("a limit with no time on it is yellow from the start", () => {
    expectLights("working_minutes", "2026-11-26 09:00", at("2026-11-26 09:00"), {
      "2026-11-26 09:00": "yellow",
    });
  });

  it("uses the extended deadline once an extension is approved", () => {
    const extended = extendDeadline(calendar, endOfChinaDay("2026-10-27"), 5);
    expectLights("working_days", "2026-09-30 10:00", extended, { "2026-10-22 10:22:30": "none" });
  });
});

describe("approved extensions move the deadline by N working days", () => {
  it.each([
    [endOfChinaDay("2026-10-27"), 5, endOfChinaDay("2026-11-03"), "10-28, 10-29, 10-30, 11-02, 11-03"],
    [
      endOfChinaDay("2026-09-30"),
      3,
      endOfChinaDay("2026-10-10"),
      "over 国庆: 10-08, 10-09, 10-10 (调休 Saturday)",
    ],
    [at("2026-10-02 20:00"), 1, at("2026-10-08 20:00"), "an urgent deadline keeps its time of day"],
  ])("%s + %i working days = %s (%s)", (due, workingDays, expected) => {
    expect(extendDeadline(calendar, due, workingDays)).toEqual(expected);
  });
});

describe("overdue", () => {
  const due = at("2026-11-26 15:30");
  it.each<[string | null, string, boolean, string]>([
    [null, "2026-11-26 15:30", false, "open, exactly at the deadline"],
    [null, "2026-11-26 15:31", true, "open, past the deadline"],
    ["2026-11-26 15:00", "2026-12-31 00:00", false, "done in time, looked at much later"],
    ["2026-11-26 16:00", "2026-11-26 16:00", true, "done late"],
  ])("done %s, now %s → overdue %s (%s)", (done, now, overdue) => {
    expect(isOverdue(due, done === null ? null : at(done), at(now))).toBe(overdue);
  });
});

describe("admin-added calendar rows change deadlines", () => {
  const praise = ruleFor("praise");
  const dispatched = at("2026-12-31 10:00");

  it("without 2027 data, 2027-01-01 (a Friday) counts as a working day", () => {
    // 2 WD: 1 = Fri 2027-01-01, 2 = Mon 2027-01-04.
    expect(computeDeadlines(calendar, praise, dispatched).handlingDueAt).toEqual(endOfChinaDay("2027-01-04"));
  });

  it("an admin-entered 元旦 2027 holiday pushes the deadline by a day", () => {
    const withNewYear = createOfficialCalendar([{ date: "2027-01-01", kind: "holiday", name: "元旦" }]);
    // 2 WD: 2027-01-01 off; 1 = Mon 01-04, 2 = Tue 01-05.
    expect(computeDeadlines(withNewYear, praise, dispatched).handlingDueAt).toEqual(
      endOfChinaDay("2027-01-05"),
    );
  });

  it("an override of the official data applies too", () => {
    const noMakeUpDay = createOfficialCalendar([{ date: "2026-10-10", kind: "holiday", name: "cancelled" }]);
    // Without the 10-10 make-up Saturday the 15th working day after 09-30 is one day later.
    const { handlingDueAt } = computeDeadlines(noMakeUpDay, ruleFor("complaint"), at("2026-09-30 10:00"));
    expect(handlingDueAt).toEqual(endOfChinaDay("2026-10-28"));
  });
});

describe("invalid rules", () => {
  it("are refused rather than producing a deadline", () => {
    const broken: TimeLimitRule = { ...ruleFor("help"), handling: { unit: "working_days", amount: 2.5 } };
    expect(() => computeDeadlines(calendar, broken, at("2026-11-26 09:00"))).toThrow(RangeError);
  });
});
