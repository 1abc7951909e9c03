import { describe, expect, it } from "vitest";
import { DemandClassifier, getDefaultClassifier, loadExamples } from "./classifier.js";
import { evaluate } from "./evaluate.js";
import { splitExamples } from "./split.js";

describe("DemandClassifier", () => {
  const classifier = getDefaultClassifier();
  const level2 = (text: string) => classifier.classify(text).candidates[0].code.slice(0, 4);

  it("puts obvious demands in the right category", () => {
    expect(level2("小区燃气管道一直没通，想申请燃气入户")).toBe("0201");
    expect(level2("老板拖欠我们三个月工资")).toBe("0501");
    expect(level2("楼下烧烤店油烟太大")).toBe("0302");
    expect(level2("这里有人占道经营")).toBe("1101");
    expect(level2("我们老楼想加装电梯，一楼不同意")).toBe("0101");
    expect(level2("想问问低保申请需要什么材料")).toBe("1001");
  });

  it("names the candidates from the tree", () => {
    expect(classifier.classify("小区燃气管道一直没通，想申请燃气入户").candidates[0]).toMatchObject({
      code: "020101",
      name: "燃气入户",
    });
  });

  it("tells the demand type", () => {
    expect(classifier.classify("请问公租房申请怎么办理").type).toBe("consult");
    expect(classifier.classify("请问燃气入户需要什么手续？").type).toBe("consult");
    expect(classifier.classify("举报有人在小区里聚众赌博").type).toBe("report");
    expect(classifier.classify("表扬一下燃气公司的师傅，漏气当天就修好了").type).toBe("praise");
    expect(classifier.classify("建议在文艺路路口加装红绿灯").type).toBe("suggestion");
  });

  it("flags emergencies", () => {
    expect(classifier.classify("闻到很大的煤气味").urgent).toBe(true);
    expect(classifier.classify("和平门路口自来水管爆了，水喷得老高").urgent).toBe(true);
    expect(classifier.classify("我家老人在家摔倒了起不来").urgent).toBe(true);
    expect(classifier.classify("请问燃气费可以在网上缴吗").urgent).toBe(false);
    expect(classifier.classify("楼下烧烤店油烟太大").urgent).toBe(false);
  });

  it("returns ranked probabilities that sum to at most 1", () => {
    const { candidates } = classifier.classify("太乙路的路灯坏了一个星期了", 5);
    expect(candidates).toHaveLength(5);
    for (const candidate of candidates) expect(candidate.score).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < candidates.length; i++)
      expect(candidates[i].score).toBeLessThanOrEqual(candidates[i - 1].score);
    expect(candidates.reduce((sum, candidate) => sum + candidate.score, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(classifier.classify("太乙路的路灯坏了", 2).candidates).toHaveLength(2);
  });

  it("handles empty and meaningless text without confident guesses", () => {
    for (const text of ["", "   ", "asdfgh", "。。。？？", "12345", "哈哈哈哈"]) {
      const result = classifier.classify(text);
      expect(result.candidates.length).toBeGreaterThan(0);
      expect(result.candidates[0].score).toBeLessThan(0.2);
      expect(result.urgent).toBe(false);
    }
    expect(classifier.classify(undefined as unknown as string).candidates[0].score).toBeLessThan(0.2);
  });

  it("generalises to the held-out split", () => {
    // Measured: top-1 0.864, top-3 0.952, type 0.811, urgent P 0.83 / R 0.80.
    const report = evaluate(classifier, splitExamples(loadExamples()).test);
    expect(report.count).toBeGreaterThan(300);
    expect(report.top1).toBeGreaterThanOrEqual(0.78);
    expect(report.top3).toBeGreaterThanOrEqual(0.9);
    expect(report.typeAccuracy).toBeGreaterThanOrEqual(0.72);
    expect(report.urgentPrecision).toBeGreaterThanOrEqual(0.65);
    expect(report.urgentRecall).toBeGreaterThanOrEqual(0.65);
  });

  it("learns from the lexicon alone where examples are missing", () => {
    const bare = DemandClassifier.fromExamples([
      { text: "路灯不亮", category: "020701", type: "complaint", urgent: false },
    ]);
    expect(bare.classify("小区化粪池满了往外溢").candidates[0].code).toBe("020603");
    expect(() => DemandClassifier.fromExamples([])).toThrow();
  });
});
