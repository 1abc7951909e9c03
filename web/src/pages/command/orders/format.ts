import type { MessageKey } from "../../../i18n/zh-CN";

/** A message key built from data (a queue, a rule, a level): typed loosely on purpose. */
export function key(text: string): MessageKey {
  return text as MessageKey;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Midnight of today in China time (Asia/Shanghai, no DST), as an ISO instant. */
export function chinaDayStart(now = Date.now()): string {
  const shifted = new Date(now + CHINA_OFFSET_MS);
  return new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - CHINA_OFFSET_MS,
  ).toISOString();
}

/** The first instant of a China-time month (`monthsAgo` back from the current one). */
export function chinaMonthStart(monthsAgo = 0, now = Date.now()): string {
  const shifted = new Date(now + CHINA_OFFSET_MS);
  return new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() - monthsAgo, 1) - CHINA_OFFSET_MS,
  ).toISOString();
}

/** `2026-11`: a China-time month, as assessment periods are named. */
export function chinaPeriod(monthsAgo = 0, now = Date.now()): string {
  const shifted = new Date(now + CHINA_OFFSET_MS);
  const month = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() - monthsAgo, 1));
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The ISO instant a `YYYY-MM` period starts and the next one starts (China time). */
export function periodRange(period: string): { from: string; to: string } {
  const [year, month] = period.split("-").map(Number);
  return {
    from: new Date(Date.UTC(year, month - 1, 1) - CHINA_OFFSET_MS).toISOString(),
    to: new Date(Date.UTC(year, month, 1) - CHINA_OFFSET_MS).toISOString(),
  };
}
