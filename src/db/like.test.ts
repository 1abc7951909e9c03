import { describe, expect, it } from "vitest";
import { containing } from "./like.js";

describe("containing", () => {
  it.each([
    ["王", "%王%"],
    ["%", "%\\%%"],
    ["a_b", "%a\\_b%"],
    ["c:\\x", "%c:\\\\x%"],
  ])("%s → %s", (text, pattern) => {
    expect(containing(text)).toBe(pattern);
  });
});
