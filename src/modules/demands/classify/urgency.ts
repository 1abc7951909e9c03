/**
 * Cues of an emergency that needs an immediate response (紧急诉求): leaks, bursts, fire, people
 * trapped, hurt or collapsed, structures falling. Wording of a present danger, not the topic: "燃气"
 * alone is not urgent, "煤气味" is.
 */
const URGENT_CUES: readonly RegExp[] = [
  /(煤气|燃气|天然气|液化气)味/,
  /漏气|燃气泄漏|冒气|呲呲/,
  /爆[了开裂管]|水喷|喷水|水漫|淹[了没]/,
  /着火|起火|失火|火越|冒[黑白]?烟|全是烟|火花|爆炸/,
  /摔倒|晕倒|昏迷|叫不醒|起不来|一动不动|呼吸困难|呼救/,
  /困[在人了]|被困|卡在/,
  /持刀|拿着刀|流血|受伤|咬伤|正在打|砸门/,
  /塌[了下]|垮塌|倒塌|坍塌|掉下来|砸到|摇摇欲坠/,
  /上吐下泻|呕吐|食物中毒/,
  /要跳|跳楼/,
];

/** The first cue of an emergency in the text, or null. */
export function urgentCue(text: string): string | null {
  for (const cue of URGENT_CUES) {
    const match = cue.exec(text);
    if (match) return match[0];
  }
  return null;
}
