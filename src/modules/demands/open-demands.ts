import type { DuplicateCandidate } from "./duplicates.js";

/** An open order as the duplicate search compares it, with the time that orders it. */
export interface OpenDemand extends DuplicateCandidate {
  createdAt: Date;
}

/** An order's new state, as every instance hears it (the `minhu_orders` notifications). */
export interface DemandStateChange {
  orderId: string;
  /** The order's region: its grid when it has one. */
  regionCode: string;
  open: boolean;
}

interface GridEntry {
  loadedAt: number;
  /** Newest first, at most `perGrid`. */
  demands: OpenDemand[];
  /** Open orders heard of in this grid but not (yet) held: registered elsewhere, or reopened. */
  suspects: Set<string>;
}

/** What happened to a grid while it was being read, applied to what the read returns. */
interface WhileReading {
  added: OpenDemand[];
  closed: Set<string>;
  suspects: Set<string>;
}

/**
 * The newest open demands of each grid, kept in memory for the duplicate search that every intake
 * runs: the database is read once per grid, not once per intake. It stays true to the database
 * through what every instance hears. Demands registered here are added once committed; an order that
 * closes (or merges, or is rejected) anywhere is dropped; an open order heard of but not held
 * (registered by another instance, or reopened) makes the next search read its grid again, unless
 * this instance's own registration has added it by then. A grid is also read again after `maxAgeMs`,
 * which bounds how long a change made outside Minhu (SQL by hand, a seed) can go unseen.
 */
export class OpenDemandIndex {
  private readonly grids = new Map<string, GridEntry>();
  private readonly gridOfOrder = new Map<string, string>();
  private readonly reading = new Map<string, WhileReading>();
  private readonly reads = new Map<string, Promise<void>>();

  constructor(
    /** Reads the newest `perGrid` open demands of each grid asked (grids without any map to []). */
    private readonly load: (gridCodes: string[]) => Promise<Map<string, OpenDemand[]>>,
    private readonly options: { perGrid: number; maxAgeMs: number; now: () => number },
  ) {}

  /** The newest `limit` open demands of the grids created at or after `since`, newest first. */
  async recent(gridCodes: readonly string[], since: Date, limit: number): Promise<OpenDemand[]> {
    const now = this.options.now();
    const waits = new Set<Promise<void>>();
    const stale: string[] = [];
    for (const code of gridCodes) {
      const pending = this.reads.get(code);
      if (pending) waits.add(pending);
      else if (!this.isCurrent(code, now)) stale.push(code);
    }
    if (stale.length > 0) waits.add(this.read(stale, now));
    await Promise.all(waits);
    return newestOf(
      gridCodes.map((code) => this.grids.get(code)?.demands ?? []),
      since.getTime(),
      limit,
    );
  }

  /** Demands registered by this instance, once committed. */
  registered(demands: readonly OpenDemand[]): void {
    for (const demand of demands) {
      if (!demand.gridCode) continue;
      this.reading.get(demand.gridCode)?.added.push(demand);
      const entry = this.grids.get(demand.gridCode);
      if (!entry || this.gridOfOrder.has(demand.id)) continue;
      entry.demands.unshift(demand);
      this.gridOfOrder.set(demand.id, demand.gridCode);
      for (const dropped of entry.demands.splice(this.options.perGrid)) this.gridOfOrder.delete(dropped.id);
    }
  }

  /** An order changed state on some instance. */
  changed(change: DemandStateChange): void {
    const pending = this.reading.get(change.regionCode);
    if (pending) (change.open ? pending.suspects : pending.closed).add(change.orderId);
    const grid = this.gridOfOrder.get(change.orderId);
    if (grid !== undefined) {
      if (!change.open) this.remove(grid, change.orderId);
      return;
    }
    if (change.open) this.grids.get(change.regionCode)?.suspects.add(change.orderId);
  }

  /** Drops everything, e.g. after the grids themselves were re-imported. */
  clear(): void {
    this.grids.clear();
    this.gridOfOrder.clear();
  }

  private isCurrent(code: string, now: number): boolean {
    const entry = this.grids.get(code);
    if (!entry || now - entry.loadedAt > this.options.maxAgeMs) return false;
    for (const id of entry.suspects) if (!this.gridOfOrder.has(id)) return false;
    return true;
  }

  /** Reads grids from the database and keeps them, with what was registered or closed meanwhile. */
  private read(codes: string[], now: number): Promise<void> {
    for (const code of codes) this.reading.set(code, { added: [], closed: new Set(), suspects: new Set() });
    const reading = this.load(codes)
      .then((loaded) => {
        for (const code of codes) this.keep(code, loaded.get(code) ?? [], now);
      })
      .finally(() => {
        for (const code of codes) {
          this.reading.delete(code);
          this.reads.delete(code);
        }
      });
    for (const code of codes) this.reads.set(code, reading);
    return reading;
  }

  private keep(code: string, fetched: OpenDemand[], now: number): void {
    const happened = this.reading.get(code) as WhileReading;
    const known = new Set(fetched.map((d) => d.id));
    const demands = [...happened.added.filter((d) => !known.has(d.id)), ...fetched]
      .filter((d) => !happened.closed.has(d.id))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, this.options.perGrid);
    for (const demand of this.grids.get(code)?.demands ?? []) this.gridOfOrder.delete(demand.id);
    this.grids.set(code, { loadedAt: now, demands, suspects: happened.suspects });
    for (const demand of demands) this.gridOfOrder.set(demand.id, code);
  }

  private remove(code: string, orderId: string): void {
    const entry = this.grids.get(code);
    if (entry) entry.demands = entry.demands.filter((demand) => demand.id !== orderId);
    this.gridOfOrder.delete(orderId);
  }
}

/** Merges lists that are each newest first: the newest `limit` at or after `sinceMs`. */
function newestOf(lists: readonly OpenDemand[][], sinceMs: number, limit: number): OpenDemand[] {
  const next = lists.map(() => 0);
  const merged: OpenDemand[] = [];
  while (merged.length < limit) {
    let best = -1;
    let bestMs = sinceMs - 1;
    for (const [i, list] of lists.entries()) {
      const ms = list[next[i]]?.createdAt.getTime();
      if (ms !== undefined && ms > bestMs) {
        best = i;
        bestMs = ms;
      }
    }
    if (best < 0) break;
    merged.push(lists[best][next[best]++]);
  }
  return merged;
}
