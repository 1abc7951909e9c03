import {
  COMPOUND_SUFFIXES,
  DURATIONS,
  LANDMARK_SUFFIXES,
  LANDMARKS,
  ROAD_SUFFIXES,
  ROADS,
} from "../../demands/classify/seeds/frames.js";

/** How a text is varied the way people actually write and phone demands in. */

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Frames added to the seeds' own: the way 12345 records, quick calls and repeat callers read. */
export const EXTRA_FRAMES: Readonly<
  Record<"complaint" | "help" | "consult" | "report" | "suggestion" | "urgent" | "praise", readonly string[]>
> = {
  complaint: [
    "{x}",
    "{x}。",
    "喂，你好，那个{x}，你们到底管不管",
    "来电人反映：{x}。诉求：请相关部门尽快核实处理并回复。",
    "市民反映{x}，此前多次反映未果，要求彻底解决。",
    "上次就反映过了，{x}，工单显示已办结，实际上根本没人来",
    "{x}，说了几次了还是老样子，对处理结果不满意",
    "{x}，物业社区都不管，只能打你们电话了",
    "就是说{x}，真的受不了了",
    "你好我想反映个事，{x}",
  ],
  help: [
    "{x}",
    "{x}，怎么办啊",
    "来电人称{x}，请求协调解决。",
    "你好，{x}，能帮忙找找人吗",
    "{x}，麻烦你们给协调一下，谢谢了",
    "哎呀{x}，我们实在没办法了",
  ],
  consult: [
    "{x}",
    "{x}？",
    "你好，我想问一下{x}",
    "来电人咨询：{x}。",
    "那个，{x}，这个找谁问",
    "打听一下，{x}",
  ],
  report: [
    "{x}",
    "{x}，请查处",
    "来电人举报：{x}，要求依法处理。",
    "我反映一个情况，{x}，你们管一管",
    "{x}，不是一天两天了，没人管吗",
  ],
  suggestion: ["{x}", "建议：{x}", "来电人建议{x}，望采纳。", "提个小建议，{x}吧"],
  urgent: [
    "{x}",
    "{x}！",
    "喂喂，{x}，快点来人",
    "来电人称{x}，情况紧急，请立即处置。",
    "{x}，我们都不敢进去了",
    "你好快派人来，{x}",
    "{x}，已经打了119/110，也请你们通知一下",
  ],
  // Thanks for a person's conduct as much as for a finished order: a worker, a driver, a teacher.
  praise: [
    "想表扬一下{u}的一位师傅，{x}的时候特别耐心，一点架子都没有",
    "{u}的同志辛苦了，{x}忙前忙后，我们全家都很感动",
    "给{u}的工作人员点个赞，{x}大冷天的一直守在现场",
    "必须夸一夸{u}，{x}这事办得太暖心了",
    "谢谢{u}，{x}帮我们解决了大难题，好人一生平安",
    "{u}有位工作人员，{x}的时候主动帮忙，这样的好人应该表扬",
    "来电人对{u}在{x}中的工作表示感谢。",
    "我是老住户了，{x}这件事{u}真的用心了，想通过热线表扬他们",
  ],
};

/**
 * A problem told to ask what the rules are or whom to turn to (咨询), not for it to be handled: the
 * information question callers add to their own situation.
 */
export const ASKING_FRAMES: readonly string[] = [
  "{x}，这种情况该找哪个部门？",
  "{x}，这个归谁管啊",
  "想咨询一下，{x}，按规定应该怎么处理",
  "{x}，我想问问有没有相关政策",
  "{x}，请问应该去哪里反映？",
  "问一下，{x}，这种情况能要求赔偿吗",
  "{x}，这样合法吗？",
  "{x}，有什么规定没有",
  "我想了解一下，{x}，一般是怎么处理的",
];

/** Spoken fillers and openings. */
const FILLERS = ["那个，", "就是，", "我跟你说，", "哎，", "你好，", "喂，", "嗯，", "同志你好，"] as const;

/** A second, minor point residents add at the end of a call. */
export const AFTERTHOUGHTS = [
  "，顺便说一下之前的事也没人回复",
  "，另外你们的电话太难打进来了",
  "，希望这次别再推来推去",
  "，上次反映完就没下文了",
  "，处理完请给我回个电话",
  "，我不希望公开我的信息",
] as const;

/**
 * Common typing slips of pinyin input (same sound, wrong character) and of hurried writing; each pair
 * is [right, wrong].
 */
const TYPOS: readonly [string, string][] = [
  ["的", "得"],
  ["在", "再"],
  ["已经", "以经"],
  ["燃气", "燃汽"],
  ["煤气", "煤汽"],
  ["暖气", "暖汽"],
  ["漏水", "露水"],
  ["维修", "维休"],
  ["电梯", "电提"],
  ["那", "哪"],
  ["做", "作"],
  ["账", "帐"],
  ["反映", "反应"],
  ["部门", "不门"],
  ["工资", "工姿"],
  ["小区", "小去"],
  ["楼道", "楼到"],
  ["垃圾", "拉圾"],
  ["停车", "听车"],
  ["物业", "物叶"],
  ["噪音", "躁音"],
  ["投诉", "头诉"],
  ["现在", "现再"],
  ["怎么", "咋"],
  ["什么", "啥"],
  ["没有", "没"],
  ["非常", "贼"],
  ["厉害", "利害"],
];

/** One typo, if the text has a place for it. */
export function addTypo(text: string, random: Random): string {
  const fits = TYPOS.filter(([right]) => text.includes(right));
  if (fits.length === 0) return text;
  const [right, wrong] = pick(random, fits);
  return text.replace(right, wrong);
}

export function addFiller(text: string, random: Random): string {
  return pick(random, FILLERS) + text;
}

/** Punctuation as typed in a hurry: none, spaces, or full stops only. */
export function roughPunctuation(text: string, random: Random): string {
  const choice = random();
  if (choice < 0.4)
    return text
      .replace(/[，。！？、]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  if (choice < 0.7) return text.replace(/[，。！？]/g, "");
  return text.replace(/，/g, ",");
}

const STREET_NUMBERS = ["号", "号附近", "号门口", "号对面"] as const;

/**
 * A place as callers give it: a road with a number, a road section, or a landmark, now and then after
 * the district's own name (as operators' records write it), so that 碑林区 is no sign of any category
 * — taught only in 990201's "not in 碑林区" material, it pulled located reports there.
 */
export function place(random: Random): string {
  return (random() < 0.25 ? "碑林区" : "") + spot(random);
}

function spot(random: Random): string {
  const choice = random();
  if (choice < 0.3)
    return `${pick(random, ROADS)}${1 + Math.floor(random() * 300)}${pick(random, STREET_NUMBERS)}`;
  if (choice < 0.65) return pick(random, ROADS) + pick(random, ROAD_SUFFIXES);
  return pick(random, LANDMARKS) + pick(random, LANDMARK_SUFFIXES);
}

/** An address prefix for texts that name no place themselves. */
export function addressPrefix(random: Random): string {
  return pick(random, [
    `${place(random)}，`,
    `地址：${place(random)}。`,
    `在${place(random)}这边，`,
    `${place(random)}有个问题，`,
  ]);
}

function compound(random: Random): string {
  const base = random() < 0.6 ? pick(random, ROADS) : pick(random, LANDMARKS);
  return base + pick(random, COMPOUND_SUFFIXES).replace("#", String(1 + Math.floor(random() * 30)));
}

/** The slots of a snippet or opening ({p} place, {c} compound, {b} building, {d} duration) filled in. */
export function fillSlots(text: string, random: Random): string {
  return text
    .replaceAll("{p}", () => place(random))
    .replaceAll("{c}", () => compound(random))
    .replaceAll(
      "{b}",
      () =>
        `${1 + Math.floor(random() * 18)}号楼${random() < 0.5 ? `${1 + Math.floor(random() * 4)}单元` : ""}`,
    )
    .replaceAll("{d}", () => pick(random, DURATIONS));
}
