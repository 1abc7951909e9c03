import { describe, expect, it } from "vitest";
import { dangersIn } from "../safety.js";
import { activeRoutingModel } from "./active.js";
import { parseArtefact, serializeArtefact } from "./artefact.js";
import { featuresOf } from "./features.js";
import { RoutingModel } from "./router.js";
import { balancedWeights, HYPER_PARAMETERS, type LabelledText, trainArtefact } from "./train.js";

describe("the shipped routing model", () => {
  const model = activeRoutingModel();

  it("ranks calibrated candidates, each with the words that led to it", () => {
    const suggestion = model.suggest("小区门口的路灯好几天不亮了，晚上黑乎乎的");
    expect(suggestion.candidates[0].code.slice(0, 4)).toBe("0207");
    expect(suggestion.candidates[0].words.length).toBeGreaterThan(0);
    const total = suggestion.candidates.reduce((sum, candidate) => sum + candidate.score, 0);
    expect(total).toBeLessThanOrEqual(1.000001);
    expect(suggestion.modelVersion).toMatch(/^base-/);
  });

  it("says unsure about text that names no problem", () => {
    const suggestion = model.suggest("你好");
    expect(suggestion.unsure).toBe(true);
  });

  it("flags danger to life even when the category is about something else", () => {
    const suggestion = model.suggest("我想问下物业费的事，另外楼道里有人把电动车推进来充电");
    expect(suggestion.dangers).toContain("ebike");
    expect(suggestion.urgent).toBe(true);
  });
});

describe("the safety layer", () => {
  it("reads present dangers", () => {
    expect(dangersIn("厨房一股煤气味")).toEqual(["gas"]);
    expect(dangersIn("对门老人三天没出门了，敲门没人应")).toContain("person");
    expect(dangersIn("楼上往下扔酒瓶子")).toContain("falling");
  });

  it("reads dangers typed in a hurry and those of the urgency rule's wider list", () => {
    expect(dangersIn("电体突然停了 里面有人 按铃没用")).toContain("trapped");
    expect(dangersIn("屋里烧蜂窝煤取暖，一家人都说头疼想吐")).toContain("poisoning");
    expect(dangersIn("景盖没了 路上一个黑窟窿")).toContain("manhole");
  });

  it("reads a bulging wall, a sign about to fall, an elderly parent unreachable, someone on a ledge", () => {
    expect(dangersIn("老宅子的后墙往外鼓，砖头往下掉")).toContain("collapse");
    expect(dangersIn("桥上的限高牌螺丝松脱了，斜吊在车道上方")).toContain("falling");
    expect(dangersIn("我妈一个人在家，打了一上午电话都没人接")).toContain("person");
    expect(dangersIn("楼顶边缘坐着个人，好多人在劝")).toContain("self-harm");
    expect(dangersIn("饭后一家几口人都在呕吐")).toContain("poisoning");
    expect(dangersIn("我爸正在银行柜台要转钱，对方自称是警察")).toContain("fraud");
  });

  it("does not read a bill, thanks, a past event or a standing hazard as an emergency", () => {
    expect(dangersIn("燃气费怎么交")).toEqual([]);
    expect(dangersIn("感谢燃气公司，上次漏气的事处理得很及时")).toEqual([]);
    expect(dangersIn("上个月家里失火了，现在要开火灾证明去哪开")).toEqual([]);
    expect(dangersIn("楼道里堆了好多纸箱子，有火灾隐患")).toEqual([]);
    expect(dangersIn("窗户关不严，冷风往里灌")).toEqual([]);
    expect(dangersIn("老人打电话给社区老是没人接")).toEqual([]);
    expect(dangersIn("被电信诈骗骗了两千块，怎么报案")).toEqual([]);
  });
});

describe("training", () => {
  const examples: LabelledText[] = [
    { text: "路灯不亮了", category: "020701", type: "complaint", urgent: false, source: "phrase" },
    { text: "路灯坏了好几天", category: "020701", type: "complaint", urgent: false, source: "phrase" },
    { text: "楼下饭馆油烟太大", category: "030201", type: "complaint", urgent: false, source: "phrase" },
    { text: "饭馆油烟熏人", category: "030201", type: "complaint", urgent: false, source: "label" },
  ];
  const quick = { ...HYPER_PARAMETERS, minDocumentFrequency: 1 };

  it("writes the same bytes for the same examples", () => {
    expect(serializeArtefact(trainArtefact(examples, quick), "t")).toBe(
      serializeArtefact(trainArtefact(examples, quick), "t"),
    );
  });

  it("learns what it is taught", () => {
    const model = new RoutingModel(parseArtefact(serializeArtefact(trainArtefact(examples, quick), "t")));
    expect(model.suggest("油烟").candidates[0].code).toBe("030201");
    expect(model.artefact.trainedOn.labels).toBe(1);
  });
});

describe("features and weights", () => {
  it("reads how the caller speaks: a question, a last clause asked, a proposal, an exclamation", () => {
    const speech = (text: string) => featuresOf(text).filter((feature) => feature.startsWith("d:"));
    expect(speech("低保去哪里申请？")).toEqual(["d:末句问"]);
    expect(speech("我想问下这个咋办呢，谢谢。")).toEqual(["d:问句"]);
    expect(speech("路口多装一个红绿灯吧")).toEqual(["d:句末吧"]);
    expect(speech("着火了！快来人")).toEqual(["d:感叹"]);
    expect(speech("路灯坏了")).toEqual([]);
  });

  it("names the kinds of type-carrying wording, in the whole text and in its last clauses", () => {
    const cues = (text: string) => featuresOf(text).filter((feature) => feature.startsWith("t:"));
    expect(cues("社区的李姐帮了我们大忙，特别感谢她")).toContain("t:末谢");
    expect(cues("对处理结果不满意")).not.toContain("t:谢");
    expect(cues("建议在路口增设一个红绿灯")).toContain("t:议");
    expect(cues("小区里有人私搭乱建，请依法查处")).toContain("t:末举");
    expect(cues("办居住证需要带什么材料")).toContain("t:问");
  });

  it("weighs every class present the same in total, a document 1 on average", () => {
    const weights = balancedWeights([0, 0, 0, 1], 3);
    expect(weights).toEqual([2 / 3, 2, 0]);
    expect(3 * weights[0] + weights[1]).toBe(4);
  });
});
