import { describe, expect, it } from "vitest";
import { frameVoice, problemType } from "./type-convention.js";

describe("the training material's demand-type convention", () => {
  it.each([
    ["投诉：{x}，请相关部门核实处理。", "complaint"],
    ["{x}，说了几次了还是老样子", "complaint"],
    ["求助：{x}，麻烦尽快安排人来看看", "help"],
    ["来电人反映{x}，诉求尽快解决。", null],
    ["{x}", null],
  ])("a frame %s speaks as %s", (frame, voice) => {
    expect(frameVoice(frame)).toBe(voice);
  });

  it.each([
    ["楼顶有人私搭了一间彩钢房", "report"],
    ["饭店把污水直接排进雨水井", "report"],
    ["物业收了钱不修门禁", "complaint"],
    ["楼上每天半夜吵", "complaint"],
    ["单元门口的路灯坏了", "help"],
    ["我们这片停水了", "help"],
    ["理发店剪完头随便要价", "complaint"],
  ])("a problem told plainly, %s, is %s", (text, type) => {
    expect(problemType(text, false)).toBe(type);
  });

  it("keeps a leaf's lean to 求助 (讨薪, 救助) whatever the wording", () => {
    expect(problemType("老板拖欠工资三个月", true)).toBe("help");
  });
});
