/**
 * 地址文本规整 How written addresses are compared: full-width forms folded (NFKC), spaces and
 * punctuation dropped, and Chinese numerals before 号/楼/栋/单元 written as digits ("八十八号" → "88号").
 */
export function normalizeAddress(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s,，。.;；:：!！?？'"“”‘’()（）【】[\]<>《》、·~～]/g, "")
    .replace(/([零〇一二两三四五六七八九十百]+)(?=号|栋|幢|单元|楼|层|室)/g, (numeral) =>
      String(chineseNumber(numeral)),
    );
}

/**
 * 行政前缀 The length of a leading "陕西省西安市碑林区" (any part of it): names inside it are not
 * places ("碑林" is not 碑林博物馆 there), names running past it are ("陕西省人民医院").
 */
export function adminPrefixLength(text: string): number {
  return text.match(/^(中国)?(陕西省|陕西)?(西安市|西安)?(碑林区)?/)?.[0].length ?? 0;
}

/** The text as search compares it: folded and without spaces, nothing else removed. */
export function normalizeQuery(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").trim();
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一百零八 → 108, 八十八 → 88, 十二 → 12, 三五 → 35 (digit by digit when no 十/百). */
export function chineseNumber(numeral: string): number {
  if (!/[十百]/.test(numeral)) return Number([...numeral].map((c) => DIGITS[c]).join(""));
  let total = 0;
  let digit = 0;
  for (const c of numeral) {
    if (c === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = DIGITS[c];
  }
  return total + digit;
}
