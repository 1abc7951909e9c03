import { describe, expect, it } from "vitest";
import { urgentCue } from "./urgency.js";

describe("urgentCue", () => {
  it("finds wording of a present danger", () => {
    expect(urgentCue("闻到很大的煤气味")).toBe("煤气味");
    expect(urgentCue("电梯困人了，里面有老人")).toBe("困人");
    expect(urgentCue("楼道里冒黑烟")).toBe("冒黑烟");
  });

  it("ignores the topic alone", () => {
    expect(urgentCue("燃气入户怎么申请")).toBeNull();
    expect(urgentCue("电梯年检过期了")).toBeNull();
  });
});
