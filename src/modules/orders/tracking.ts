import type { Limit } from "../../platform/throttle/throttle.js";

/**
 * 进度查询 without an account: the order number and the random tracking code on the receipt. The
 * code holds 40 bits, so guessing is hopeless even without limits; the throttle bounds how fast
 * anyone may try, and every attempt is recorded (attempts, kind "tracking"):
 * - per client address: 30 failed lookups an hour;
 * - per order number: 50 failed lookups an hour, from anywhere. An attacker can hold one order's
 *   page at 429 this way, but learns nothing, and the caller still tracks it signed in or by 12345.
 */
export const TRACKING_WINDOW_MS = 60 * 60 * 1000;
export const MAX_FAILURES_PER_CLIENT = 30;
export const MAX_FAILURES_PER_ORDER = 50;

export const TRACKING_LIMITS: readonly Limit[] = [
  { per: "client", max: MAX_FAILURES_PER_CLIENT, windowMs: TRACKING_WINDOW_MS },
  { per: "subject", max: MAX_FAILURES_PER_ORDER, windowMs: TRACKING_WINDOW_MS },
];

/** Ten hexadecimal digits, as the database generates them (upper case). */
export const TRACKING_CODE_PATTERN = "^[0-9A-Fa-f]{10}$";
