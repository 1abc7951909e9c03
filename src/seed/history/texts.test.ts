import { describe, expect, it } from "vitest";
import { Random } from "./random.js";
import { titleOf, varyText } from "./texts.js";

describe("demand texts", () => {
  it("vary house numbers with as many digits, and leave the hotline's number alone", () => {
    const text = "感谢12345，互助路23号院5号楼的路灯修好了";
    const varied = varyText(new Random(1), text);
    expect(varied).toMatch(/^感谢12345，互助路\d{2}号院\d号楼的路灯修好了/);
    expect(
      new Set(Array.from({ length: 20 }, (_, seed) => varyText(new Random(seed), text))).size,
    ).toBeGreaterThan(10);
  });

  it("are the same for the same seed", () => {
    expect(varyText(new Random(5), "雁塔路23号院加装电梯拖了两年。")).toBe(
      varyText(new Random(5), "雁塔路23号院加装电梯拖了两年。"),
    );
  });

  it("are titled as 12345 work orders are", () => {
    expect(titleOf("加装电梯", "complaint")).toBe("关于加装电梯的投诉");
  });
});
