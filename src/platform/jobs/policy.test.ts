import { describe, expect, it } from "vitest";
import { afterRun, MAX_BACKOFF_MS, retryDelayMs } from "./policy.js";

const policy = { maxAttempts: 3, backoffMs: 30_000 };
const now = new Date("2025-03-03T09:00:00.000Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("retryDelayMs", () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [20, MAX_BACKOFF_MS],
  ])("after failed attempt %i waits %i ms", (attempts, delay) => {
    expect(retryDelayMs(attempts, policy)).toBe(delay);
  });
});

describe("afterRun", () => {
  it.each([
    ["a one-off success finishes", { attempts: 1, failure: null }, { done_at: now, last_error: null }],
    [
      "a one-off failure is retried later",
      { attempts: 2, failure: "E" },
      { run_at: later(60_000), last_error: "E" },
    ],
    [
      "a one-off failing its last attempt is given up",
      { attempts: 3, failure: "E" },
      { done_at: now, last_error: "gave up after 3 attempts: E" },
    ],
    [
      "a recurring success is due an interval later, attempts reset",
      { attempts: 4, failure: null, everyMs: 600_000 },
      { run_at: later(600_000), attempts: 0, last_error: null },
    ],
    [
      "a recurring failure backs off",
      { attempts: 1, failure: "E", everyMs: 600_000 },
      { run_at: later(30_000), last_error: "E" },
    ],
    [
      "a recurring failure waits no longer than its interval, and is never given up",
      { attempts: 9, failure: "E", everyMs: 600_000 },
      { run_at: later(600_000), last_error: "E" },
    ],
  ])("%s", (_, outcome, changes) => {
    expect(afterRun(outcome, now, policy)).toEqual(changes);
  });
});
