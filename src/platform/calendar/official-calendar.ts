/**
 * The official working calendar: the State Council holiday arrangement (国务院办公厅节假日安排) as shipped
 * by the `chinese-days` package (2004–2026 in version 1.5), merged with rows admins add for later
 * years or to correct a day.
 *
 * We read the package's data file rather than calling its functions: those build their tables at load
 * time with a mix of UTC and local-time date arithmetic, so on a server west of UTC every entry slides
 * a day early — with TZ=America/New_York `isWorkday` calls 2026-09-30 a holiday and 2026-10-10 an
 * ordinary Saturday, whatever Date is passed. The JSON file is the package's documented data export
 * (see its README); a test checks it agrees with the functions run in China time.
 */
import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import type { CalendarDay } from "./days.js";
import { WorkingCalendar, type WorkingHours } from "./working-calendar.js";

/** An admin-maintained calendar row (节假日维护) that adds to or overrides the official data for one day. */
export interface CalendarOverrideRow {
  /** The day, "YYYY-MM-DD". */
  date: CalendarDay;
  /** "holiday": a day off (放假); "workday": a working day, e.g. a 调休 make-up Saturday (补班). */
  kind: "holiday" | "workday";
  /** What the day is, e.g. "元旦"; for display only. */
  name: string;
}

interface OfficialDays {
  holidays: ReadonlySet<CalendarDay>;
  makeUpWorkdays: ReadonlySet<CalendarDay>;
  years: readonly number[];
}

/**
 * The package's tables: `holidays` are days off (including 调休 rest days), `workdays` are make-up
 * working days. Its third table, `inLieuDays`, only marks which holidays are 调休 and changes nothing here.
 */
function loadOfficialDays(): OfficialDays {
  const { holidays, workdays } = chineseDaysData;
  const holidayDays = Object.keys(holidays);
  const years = new Set(holidayDays.map((day) => Number(day.slice(0, 4))));
  return {
    holidays: new Set(holidayDays),
    makeUpWorkdays: new Set(Object.keys(workdays)),
    years: [...years].sort((a, b) => a - b),
  };
}

/** Extracted once at module load; the package data never changes at run time. */
const OFFICIAL_DAYS = loadOfficialDays();

/**
 * Years for which `chinese-days` knows the official arrangement. Deadlines falling after the last one
 * are computed with the plain weekend rule unless admins have added that year's rows, so callers
 * should warn about them.
 */
export function officialCalendarYears(): number[] {
  return [...OFFICIAL_DAYS.years];
}

/** One official day of a year: a day off or a make-up working day, with its Chinese name. */
export interface OfficialDay {
  day: CalendarDay;
  kind: "holiday" | "workday";
  name: string;
}

/** The official days off and make-up working days of a year (empty for years the package lacks). */
export function officialDaysOf(year: number): OfficialDay[] {
  const ofKind = (table: Record<string, string>, kind: OfficialDay["kind"]): OfficialDay[] =>
    Object.entries(table)
      .filter(([day]) => day.startsWith(`${year}-`))
      // The package stores "English,中文,n"; the Chinese name is what users know.
      .map(([day, label]) => ({ day, kind, name: label.split(",")[1] ?? label }));
  const { holidays, workdays } = chineseDaysData as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  return [...ofKind(holidays, "holiday"), ...ofKind(workdays, "workday")];
}

function applyRow(
  holidays: Set<CalendarDay>,
  makeUpWorkdays: Set<CalendarDay>,
  row: CalendarOverrideRow,
): void {
  if (row.kind === "holiday") {
    makeUpWorkdays.delete(row.date);
    holidays.add(row.date);
  } else if (row.kind === "workday") {
    holidays.delete(row.date);
    makeUpWorkdays.add(row.date);
  } else {
    throw new RangeError(`Unknown calendar row kind "${String(row.kind)}" for ${row.date}`);
  }
}

/**
 * The working calendar from the official arrangement plus admin rows. A row replaces whatever the
 * official data says about its day; when several rows name the same day the last one wins.
 * A "workday" row on a Monday–Friday just cancels a holiday.
 */
export function createOfficialCalendar(
  extraRows: readonly CalendarOverrideRow[] = [],
  workingHours?: WorkingHours,
): WorkingCalendar {
  const holidays = new Set(OFFICIAL_DAYS.holidays);
  const makeUpWorkdays = new Set(OFFICIAL_DAYS.makeUpWorkdays);
  for (const row of extraRows) applyRow(holidays, makeUpWorkdays, row);
  return new WorkingCalendar({ holidays, makeUpWorkdays, workingHours });
}
