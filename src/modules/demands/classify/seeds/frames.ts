import type { UnitCode } from "../../../categories/tree.js";
import type { DemandType } from "../types.js";

/**
 * How residents and 12345 operators phrase each type of demand; {x} is the seed snippet and, in
 * praise frames, {u} the thanked unit. Frames are split between train and test as well (see
 * isTestFrame), so the held-out set measures unseen phrasings, not just unseen snippets.
 */
export const FRAMES: Readonly<Record<DemandType | "urgent", readonly string[]>> = {
  complaint: [
    "{x}，已经{d}了，一直没人管，强烈投诉！",
    "我是附近居民，{x}，打了好几次电话都没解决，希望尽快处理。",
    "投诉：{x}，请相关部门核实处理。",
    "{x}。这种情况到底有没有人管？",
    "来电人反映{x}，诉求尽快解决。",
    "市民反映：{x}，要求相关部门处理并回复。",
    "{x}，太影响生活了，能不能管一管",
    "又来反映了，{x}，上次说处理了，结果一点变化没有，对处理结果不满意",
    "你好，我要投诉，{x}",
    "{x}，找过社区也找过物业，都说不归他们管，互相推诿",
    "{x}！！希望政府重视",
    "市民来电称{x}，已持续{d}，要求处理。",
    "{x}，这个问题反映过很多次了",
    "{x}，请尽快安排人员到现场查看",
    "我们住在这里很多年了，{x}，实在忍无可忍",
    "诉求人表示{x}，希望有关部门督促整改",
  ],
  help: [
    "{x}，不知道该找哪个部门，请帮帮忙",
    "求助：{x}，麻烦尽快安排人来看看",
    "你好，{x}，能不能帮忙协调一下",
    "{x}，现在很着急，希望得到帮助",
    "来电人求助，{x}，请相关单位帮助解决。",
    "{x}，家里老人孩子都受影响，请帮忙解决",
    "市民来电求助：{x}",
    "{x}，实在没办法了才打12345，希望帮忙联系一下",
    "想请你们帮个忙，{x}",
    "{x}，能不能派人过来处理一下",
    "{x}，麻烦帮忙催一下",
    "诉求人称{x}，请求帮助",
  ],
  report: [
    "举报{x}",
    "实名举报：{x}，请严肃查处",
    "我要举报，{x}",
    "{x}，希望执法部门来查一查",
    "匿名反映一个违法行为：{x}",
    "来电人举报{x}，要求依法查处。",
    "{x}，这明显违规，请有关部门依法处理",
    "举报线索：{x}。举报人要求保密",
    "有个情况要向你们反映，{x}，应该是违法的吧",
    "{x}，我有照片可以作证，请来查处",
    "市民举报：{x}",
    "{x}，请相关部门核查，别让他们继续干了",
  ],
  consult: [
    "请问{x}？",
    "你好，想咨询一下{x}",
    "{x}？麻烦告诉我一下",
    "咨询：{x}",
    "来电人咨询{x}。",
    "我想问问{x}，谢谢",
    "{x}？在哪里可以查到",
    "您好，{x}，打电话问一下",
    "市民来电咨询：{x}",
    "问一下，{x}？",
    "{x}？希望给个准确答复",
    "麻烦问下{x}",
  ],
  suggestion: [
    "建议{x}",
    "提个建议，{x}",
    "{x}，希望采纳",
    "我有个想法，{x}，这样大家都方便",
    "来电人建议{x}。",
    "能不能{x}？这是我们居民的一点建议",
    "{x}，希望相关部门考虑一下",
    "市民建议：{x}",
    "作为老居民提点建议：{x}",
    "希望{x}",
    "我觉得应该{x}",
    "给政府提个意见，最好能{x}",
  ],
  praise: [
    "表扬一下{u}，{x}反映后很快就解决了",
    "感谢{u}的工作人员，{x}处理得很及时，给你们点赞",
    "之前反映的{x}已经处理好了，非常满意，谢谢{u}！",
    "来电人表扬{u}，{x}办得又快又好。",
    "我想给{u}送面锦旗，{x}帮了我们大忙",
    "{x}解决了，{u}的工作人员态度特别好，必须表扬",
    "点赞！{x}终于弄好了，感谢12345和{u}",
    "市民来电表扬：{x}，{u}工作认真负责",
    "{x}这件事，{u}的同志跑了好几趟，真心感谢",
    "对{u}表示感谢，{x}的问题处理得很到位",
    "为{u}点个赞，{x}当天就有人来了",
    "{x}办好了，谢谢{u}，谢谢12345",
  ],
  urgent: [
    "紧急！{x}，请马上派人来！",
    "{x}，情况很危险，赶快处理",
    "市民来电：{x}，要求立即处置。",
    "{x}，快来人啊",
    "急！{x}",
    "{x}，麻烦立刻通知相关部门",
    "来电人称{x}，情况紧急",
    "{x}，再不来要出人命了",
    "{x}，请尽快！！",
    "求助，{x}，现在就在现场",
    "{x}，怎么办，谁能马上过来",
    "现在{x}，请赶紧派人",
  ],
};

/** Every fourth frame phrases only held-out examples. */
export function isTestFrame(index: number): boolean {
  return index % 4 === 3;
}

/** Frames written in a 12345 operator's voice; a resident's self-introduction does not fit them. */
export function isOperatorFrame(frame: string): boolean {
  return /市民|来电人|诉求人/.test(frame);
}

/** Roads of 碑林区, with the section or corner a caller would name. */
export const ROADS = [
  "文艺路",
  "东关正街",
  "太乙路",
  "建国路",
  "长安路",
  "互助路",
  "友谊东路",
  "友谊西路",
  "南大街",
  "东大街",
  "咸宁西路",
  "兴庆路",
  "雁塔路",
  "环城南路",
  "南关正街",
  "金花南路",
  "建东街",
  "湘子庙街",
  "德福巷",
  "东县门",
  "三学街",
] as const;

/** Landmarks and neighbourhoods of 碑林区. */
export const LANDMARKS = [
  "南稍门",
  "和平门",
  "柏树林",
  "张家村",
  "小雁塔",
  "碑林博物馆",
  "书院门",
  "端履门",
  "大差市",
  "含光门",
  "永宁门",
  "李家村",
  "草场坡",
  "长乐坊",
] as const;

export const ROAD_SUFFIXES = ["", "", "", "南段", "北段", "东口", "西口", "十字"] as const;
export const LANDMARK_SUFFIXES = ["", "附近", "一带", "十字", "周边"] as const;
export const COMPOUND_SUFFIXES = ["小区", "家属院", "社区", "老家属院", "一个老小区", "#号院"] as const;
export const DURATIONS = [
  "一个星期",
  "半个多月",
  "好几天",
  "两三天",
  "一个多月",
  "三个月",
  "大半年",
  "十来天",
] as const;

/** A resident's opening, prefixed to snippets that name no place themselves. */
export const CALLER_INTROS = [
  "我住在{c}，",
  "我是{c}的居民，",
  "{p}这边，",
  "我家在{c}，",
  "我是{c}{b}的住户，",
] as const;

/** Type-neutral closings. */
export const CLOSINGS = ["谢谢。", "盼回复。", "请尽快回复。", "麻烦了。"] as const;

/** How residents name each department when thanking it. */
export const UNIT_SPOKEN_NAMES: Readonly<Record<UnitCode, readonly string[]>> = {
  cgj: ["城管执法队员", "城管局"],
  zjj: ["住建局"],
  szj: ["市政维修的师傅", "市政部门"],
  swj: ["自来水公司", "水务部门"],
  gdj: ["供电公司", "电力抢修的师傅"],
  rqj: ["燃气公司", "燃气公司的师傅"],
  scjgj: ["市场监管局", "市场监管所"],
  rsj: ["人社局", "劳动监察大队"],
  jyj: ["教育局"],
  wjj: ["卫健局"],
  mzj: ["民政局"],
  gaj: ["派出所民警", "公安分局"],
  sfj: ["司法所", "调解员"],
  hbj: ["生态环境分局", "环保部门"],
  jtj: ["交警", "交通部门"],
  fgj: ["房管局"],
  wlj: ["文旅局"],
};

/** How residents name the grassroots level that handled their demand. */
export const LEVEL_SPOKEN_NAMES = {
  grid: "网格员",
  community: "社区",
  street: "街道办",
  district: "区政府",
} as const;
