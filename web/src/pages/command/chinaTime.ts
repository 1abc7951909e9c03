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
