import { describe, expect, it } from "vitest";
import { releaseAt } from "./rules.js";

/** 2026-12-06 at hh:mm China time (UTC+8). */
const at = (hh: number, mm = 0) => new Date(Date.UTC(2026, 11, 6, hh - 8, mm));
const NIGHT = { from: 22 * 60, until: 7 * 60 };

describe("quiet hours (免打扰)", () => {
  it.each([
    ["before the window", at(21, 59), NIGHT, false, at(21, 59)],
    ["late evening waits for the morning", at(23, 30), NIGHT, false, new Date(Date.UTC(2026, 11, 6, 23, 0))],
    ["after midnight waits for the morning", at(8 + 17, 0), NIGHT, false, at(8 + 23, 0)],
    ["urgent messages go through", at(23, 30), NIGHT, true, at(23, 30)],
    ["a daytime window", at(12, 15), { from: 12 * 60, until: 14 * 60 }, false, at(14, 0)],
    ["its end is outside it", at(14, 0), { from: 12 * 60, until: 14 * 60 }, false, at(14, 0)],
    ["no quiet hours", at(3, 0), null, false, at(3, 0)],
  ])("%s", (_name, now, quiet, urgent, expected) => {
    expect(releaseAt(now, quiet, urgent).toISOString()).toBe(expected.toISOString());
  });
});
