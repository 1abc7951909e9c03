import { describe, expect, it } from "vitest";
import { Batcher } from "./batching.js";

describe("Batcher", () => {
  it("runs calls made together as one batch, and what arrives meanwhile as the next", async () => {
    const batches: number[][] = [];
    const batcher = new Batcher(async (items: number[]) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return items.map((n) => n * 2);
    });
    const first = [1, 2, 3].map((n) => batcher.submit(n));
    await new Promise((resolve) => setTimeout(resolve, 2));
    const later = [4, 5].map((n) => batcher.submit(n));
    expect(await Promise.all([...first, ...later])).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it("keeps batches within the maximum size", async () => {
    const sizes: number[] = [];
    const batcher = new Batcher(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, 4);
    await Promise.all(Array.from({ length: 10 }, (_, n) => batcher.submit(n)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it("when a batch fails, runs each item alone: only the bad one fails", async () => {
    const batcher = new Batcher(async (items: number[]) => {
      if (items.includes(13)) throw new Error("unlucky");
      return items;
    });
    const results = await Promise.allSettled([1, 13, 3].map((n) => batcher.submit(n)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await batcher.submit(7)).toBe(7);
  });
});
