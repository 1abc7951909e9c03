import { describe, expect, it } from "vitest";
import { AREAS, enUS, zhCN } from "./messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the web app's messages", () => {
  it("define each key in one area only", () => {
    const owners = new Map<string, string[]>();
    for (const [area, messages] of Object.entries(AREAS)) {
      for (const key of Object.keys(messages.zhCN)) owners.set(key, [...(owners.get(key) ?? []), area]);
    }
    const twice = [...owners].filter(([, areas]) => areas.length > 1);
    expect(twice).toEqual([]);
  });

  it("have an English text for every key, with the same placeholders", () => {
    const keys = Object.keys(zhCN) as (keyof typeof zhCN)[];
    expect(Object.keys(enUS).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(enUS[key].trim(), key).not.toBe("");
      expect(placeholders(enUS[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });
});
