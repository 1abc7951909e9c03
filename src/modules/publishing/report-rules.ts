/**
 * What the district's public reports may say, no I/O: which months are complete (only those are
 * published: a month still running would show rates that change by the hour), and what of a 共性问题
 * warning's detail is aggregate enough to publish (how many demands in how many communities, never
 * which orders).
 */

/** The month ("YYYY-MM") `count` months after `month` (before it when negative). */
export function shiftMonth(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The last month that has ended, seen from the current China month. */
export function lastCompleteMonth(currentMonth: string): string {
  return shiftMonth(currentMonth, -1);
}

/** Whether a month has ended: months sort as text. */
export function isComplete(month: string, currentMonth: string): boolean {
  return month < currentMonth;
}

/** What a 共性问题 warning found, as counts. */
export interface ProblemFinding {
  count: number | null;
  communities: number | null;
  windowDays: number | null;
}

/** The counts of a 共性问题 warning's detail; its community list is reduced to how many there were. */
export function findingOf(detail: unknown): ProblemFinding {
  const record = typeof detail === "object" && detail !== null ? (detail as Record<string, unknown>) : {};
  const whole = (value: unknown) => (Number.isInteger(value) ? (value as number) : null);
  return {
    count: whole(record.count),
    communities: Array.isArray(record.communities) ? record.communities.length : null,
    windowDays: whole(record.windowDays),
  };
}

/**
 * The months a topic's demands are counted over: the month before it, its own and the month after,
 * each only once it has ended.
 */
export function aftermathMonths(topicMonth: string, currentMonth: string): { month: string; phase: Phase }[] {
  const months: { month: string; phase: Phase }[] = [
    { month: shiftMonth(topicMonth, -1), phase: "before" },
    { month: topicMonth, phase: "during" },
    { month: shiftMonth(topicMonth, 1), phase: "after" },
  ];
  return months.filter((m) => isComplete(m.month, currentMonth));
}

/** Where a month lies from a topic's: the month before, its own, the month after. */
export type Phase = "before" | "during" | "after";
