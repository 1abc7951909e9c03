import { describe, expect, it } from "vitest";
import { type OpenDemand, OpenDemandIndex } from "./open-demands.js";

const T0 = Date.parse("2026-11-26T02:00:00Z");
const demand = (id: string, gridCode: string, minutesAgo = 0): OpenDemand => ({
  id,
  gridCode,
  lng: 108.94,
  lat: 34.25,
  words: ["路灯", "坏"],
  createdAt: new Date(T0 - minutesAgo * 60_000),
});
const SINCE = new Date(T0 - 30 * 86_400_000);

/** An index over a fake database: `rows` per grid, every read recorded. */
function indexOver(
  rows: Record<string, OpenDemand[]>,
  options: { perGrid?: number; maxAgeMs?: number } = {},
) {
  const reads: string[][] = [];
  let now = T0;
  let release: (() => void) | null = null;
  let hold = false;
  const index = new OpenDemandIndex(
    async (codes) => {
      reads.push([...codes]);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return new Map(codes.map((code) => [code, [...(rows[code] ?? [])]]));
    },
    { perGrid: options.perGrid ?? 60, maxAgeMs: options.maxAgeMs ?? 60_000, now: () => now },
  );
  return {
    index,
    reads,
    advance: (ms: number) => (now += ms),
    holdReads: () => (hold = true),
    finishRead: () => {
      hold = false;
      release?.();
    },
  };
}
const ids = (list: OpenDemand[]) => list.map((d) => d.id);

describe("OpenDemandIndex", () => {
  it("reads a grid once, then answers from memory, newest first, within the window and limit", async () => {
    const db = indexOver({ G1: [demand("b", "G1", 1), demand("a", "G1", 5)], G2: [demand("c", "G2", 3)] });
    expect(ids(await db.index.recent(["G1", "G2"], SINCE, 60))).toEqual(["b", "c", "a"]);
    expect(ids(await db.index.recent(["G1"], SINCE, 1))).toEqual(["b"]);
    expect(ids(await db.index.recent(["G1"], new Date(T0 - 2 * 60_000), 60))).toEqual(["b"]);
    expect(db.reads).toEqual([["G1", "G2"]]);
  });

  it("adds what this instance registers, and hearing of it does not cost a read", async () => {
    const db = indexOver({ G1: [demand("a", "G1", 5)] });
    await db.index.recent(["G1"], SINCE, 60);
    db.index.changed({ orderId: "n", regionCode: "G1", open: true });
    db.index.registered([demand("n", "G1")]);
    expect(ids(await db.index.recent(["G1"], SINCE, 60))).toEqual(["n", "a"]);
    expect(db.reads).toHaveLength(1);
  });

  it("reads a grid again when an open order it does not hold appears there (another instance)", async () => {
    const rows = { G1: [demand("a", "G1", 5)] };
    const db = indexOver(rows);
    await db.index.recent(["G1"], SINCE, 60);
    rows.G1.unshift(demand("x", "G1"));
    db.index.changed({ orderId: "x", regionCode: "G1", open: true });
    expect(ids(await db.index.recent(["G1"], SINCE, 60))).toEqual(["x", "a"]);
    expect(db.reads).toHaveLength(2);
  });

  it("drops an order that closed, wherever it closed", async () => {
    const db = indexOver({ G1: [demand("b", "G1", 1), demand("a", "G1", 5)] });
    await db.index.recent(["G1"], SINCE, 60);
    db.index.changed({ orderId: "b", regionCode: "G1", open: false });
    expect(ids(await db.index.recent(["G1"], SINCE, 60))).toEqual(["a"]);
    expect(db.reads).toHaveLength(1);
  });

  it("reads a grid again after its maximum age", async () => {
    const rows = { G1: [demand("a", "G1", 5)] };
    const db = indexOver(rows, { maxAgeMs: 1000 });
    await db.index.recent(["G1"], SINCE, 60);
    rows.G1 = [];
    db.advance(1001);
    expect(await db.index.recent(["G1"], SINCE, 60)).toEqual([]);
    expect(db.reads).toHaveLength(2);
  });

  it("keeps at most `perGrid` demands of a grid", async () => {
    const db = indexOver({ G1: [demand("b", "G1", 1), demand("a", "G1", 5)] }, { perGrid: 2 });
    await db.index.recent(["G1"], SINCE, 60);
    db.index.registered([demand("n", "G1")]);
    expect(ids(await db.index.recent(["G1"], SINCE, 60))).toEqual(["n", "b"]);
  });

  it("shares one read among searches made together, and applies what happened during it", async () => {
    const db = indexOver({ G1: [demand("b", "G1", 1), demand("a", "G1", 5)] });
    db.holdReads();
    const first = db.index.recent(["G1"], SINCE, 60);
    const second = db.index.recent(["G1"], SINCE, 60);
    // While the read is on its way: one of its orders closes, one is registered here.
    db.index.changed({ orderId: "a", regionCode: "G1", open: false });
    db.index.registered([demand("n", "G1")]);
    db.finishRead();
    expect(ids(await first)).toEqual(["n", "b"]);
    expect(ids(await second)).toEqual(["n", "b"]);
    expect(db.reads).toHaveLength(1);
  });
});
