import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

/**
 * Hotline terms the general-purpose jieba dictionary splits apart (燃气入户 → 燃气/入户, 占道经营 →
 * 占/道/经营); kept whole they are the strongest category evidence.
 */
const DOMAIN_WORDS = [
  "加装电梯",
  "老旧小区",
  "水电改造",
  "管网改造",
  "屋面漏水",
  "承重墙",
  "燃气入户",
  "管道燃气",
  "燃气管道",
  "燃气表",
  "煤气味",
  "天然气味",
  "燃气味",
  "二次供水",
  "水管爆裂",
  "暖气片",
  "化粪池",
  "下水道",
  "雨水篦子",
  "井盖",
  "拖欠工资",
  "农民工",
  "讨薪",
  "包工头",
  "加班费",
  "劳动仲裁",
  "工伤认定",
  "失业金",
  "物业费",
  "业委会",
  "维修资金",
  "公租房",
  "安置房",
  "不动产证",
  "房产证",
  "占道经营",
  "流动摊贩",
  "出店经营",
  "私搭乱建",
  "楼顶加盖",
  "楼道堆物",
  "小广告",
  "广告牌",
  "店招",
  "消防通道",
  "消防车道",
  "安全出口",
  "飞线充电",
  "油烟净化器",
  "广场舞",
  "渣土车",
  "护城河",
  "垃圾分类",
  "红绿灯",
  "斑马线",
  "减速带",
  "僵尸车",
  "共享单车",
  "网约车",
  "预付卡",
  "明码标价",
  "营业执照",
  "无照经营",
  "处方药",
  "电梯困人",
  "低保",
  "特困供养",
  "临时救助",
  "高龄补贴",
  "高龄津贴",
  "独居老人",
  "残疾证",
  "法律援助",
  "居住证",
  "赡养费",
  "抚养费",
  "培训机构",
  "补习班",
  "小升初",
  "幼儿园",
  "专家号",
  "号贩子",
  "九价疫苗",
];

/** Function words and hotline boilerplate that say nothing about the category. */
const STOP_WORDS = new Set(
  "的 了 是 我 我们 你 你们 他 她 在 有 和 就 都 也 很 还 又 被 把 给 让 这 那 这个 那个 一个 着 吧 吗 呢 啊 呀 么 之 与 及 其 或 而 从 到 对 为 以 于 上 下 里 中 个 些 点 能 会 要 说 去 来 人 没 不 好".split(
    " ",
  ),
);

const WORDLIKE = /[\p{Script=Han}\p{L}]/u;

let jieba: Jieba | undefined;

/** Lazily loaded: reading the 350k-word dictionary takes ~0.2 s. */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    // A high frequency makes jieba prefer the domain word over its parts.
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((word) => `${word} 20000 n`).join("\n")));
  }
  return jieba;
}

/** NFKC (full-width → half-width) and lower case, so ＫＴＶ and ktv match. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim();
}

/** jieba words without stop words, punctuation or bare numbers. */
export function segment(text: string): string[] {
  return segmenter()
    .cut(normalizeText(text), true)
    .filter((word) => WORDLIKE.test(word) && !STOP_WORDS.has(word));
}

/**
 * Bag-of-features: words, plus character bigrams of the Chinese runs ("2:" prefix) that still
 * match when jieba cuts an unseen phrase differently from the training data.
 */
export function featurize(text: string): string[] {
  const normalized = normalizeText(text);
  const features = segment(normalized);
  for (const run of normalized.split(/[^\p{Script=Han}]+/u)) {
    for (let i = 0; i + 1 < run.length; i++) features.push(`2:${run.slice(i, i + 2)}`);
  }
  return features;
}
