/**
 * Who calls: most demands come from someone who calls once a year, some from regulars — a few
 * residents call about their building every other week. Regulars keep one phone, name and home, so
 * the repeat-caller warning has something true to find.
 */
import type { PlacedGrid } from "./places.js";
import { addressIn } from "./places.js";
import { type Random, Weighted } from "./random.js";
import { callerName } from "./texts.js";

export interface Caller {
  name: string;
  phone: string;
  /** Where a regular lives; one-off callers are placed by their demand. */
  home: { grid: PlacedGrid; address: string } | null;
}

/** Share of demands from regular callers. */
const REGULAR_SHARE = 0.05;
/** One regular per this many demands a year. */
const DEMANDS_PER_REGULAR = 150;

/** The callers of a history: regulars drawn by a long-tailed weight, and fresh one-off callers. */
export class Callers {
  private readonly regulars: Weighted<Caller>;
  private readonly used = new Set<string>();

  constructor(
    private readonly r: Random,
    grids: Weighted<PlacedGrid>,
    yearlyDemands: number,
  ) {
    const count = Math.max(10, Math.round(yearlyDemands / DEMANDS_PER_REGULAR));
    const regulars = Array.from({ length: count }, (_, rank) => {
      const grid = r.draw(grids);
      const caller: Caller = {
        name: callerName(r),
        phone: this.freshPhone(),
        home: { grid, address: addressIn(r, grid) },
      };
      // Zipf-like: the most frequent callers call far more often than the rest.
      return [caller, 1 / (rank + 1) ** 0.9] as const;
    });
    this.regulars = new Weighted(regulars);
  }

  /** The caller of the next demand: now and then a regular. */
  next(): Caller {
    return this.r.chance(REGULAR_SHARE) ? this.r.draw(this.regulars) : this.oneOff();
  }

  /** Someone calling for the first time (a neighbour reporting the burst main). */
  oneOff(): Caller {
    return { name: callerName(this.r), phone: this.freshPhone(), home: null };
  }

  /** A mobile number nobody in this history has used yet. */
  private freshPhone(): string {
    for (;;) {
      const phone = `1${this.r.pick(["3", "5", "7", "8", "9"])}${String(this.r.int(0, 999_999_999)).padStart(9, "0")}`;
      if (!this.used.has(phone)) {
        this.used.add(phone);
        return phone;
      }
    }
  }
}
