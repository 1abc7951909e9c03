/**
 * The urgency safety layer (紧急诉求): wording of a present danger to life or property, read apart
 * from the category so an emergency is flagged even when the category is wrong. Each cue names the
 * danger it stands for; the operator sees which one fired. Hand-written from the kinds of danger a
 * 12345 centre must act on at once, not from any evaluation text.
 */
export type Danger =
  | "gas"
  | "fire"
  | "electricity"
  | "collapse"
  | "falling"
  | "trapped"
  | "person"
  | "self-harm"
  | "violence"
  | "flooding"
  | "ebike"
  | "poisoning";

const CUES: readonly [Danger, RegExp][] = [
  [
    "gas",
    /(煤|燃|天然|液化)[气汽]味|臭鸡蛋味|[漏泄][气汽]|燃[气汽]泄露?漏|[气汽]管.{0,4}(断|破|裂|漏)|呲呲|嘶嘶/,
  ],
  ["fire", /着火|起火|失火|火灾|冒[黑白浓]?烟|浓烟|烟雾|全是烟|烧焦|焦糊味|火苗|火光|明火|爆炸|炸了/],
  [
    "electricity",
    /火花|打火|电线.{0,6}(掉|垂|断|落|冒|烧|裸露)|漏电|触电|电着|变压器.{0,4}(响|冒|炸|着)|配电箱.{0,4}(冒|着|烧)/,
  ],
  ["collapse", /塌[了陷方下]|坍塌|垮塌|倒塌|要塌|快塌|塌陷|裂开.{0,4}(掉|塌)|往下掉渣|地陷|路面.{0,4}塌/],
  ["falling", /掉下来|砸[到伤中坏了]|高空抛物|往下扔|往下掉|摇摇欲坠|快掉了|要掉下|刮下来|刮倒|坠落|坠物/],
  ["trapped", /被困|困在|困住|关在电梯|卡在电梯|电梯.{0,6}(困|卡住|出不来|下坠|坠落)|出不来|锁在.{0,4}里/],
  [
    "person",
    /摔倒|晕倒|昏迷|叫不醒|起不来|一动不动|没有?呼吸|呼吸困难|抽搐|不省人事|没动静|没反应|联系不上|打不通|敲门没人应|好几天没(出门|见)|走失|找不到家|倒在地上|躺在路边|冻死|失踪/,
  ],
  ["self-harm", /轻生|自杀|跳楼|要跳|寻死|不想活|割腕|喝药|吃了.{0,4}药.{0,4}(自杀|想死)/],
  [
    "violence",
    /持刀|拿[着了]?刀|动刀|砍人|捅人|流血|受伤|打人|正在打|家暴|被打|殴打|砸门|威胁.{0,4}(杀|命)|咬伤|被.{0,2}咬了/,
  ],
  [
    "flooding",
    /爆[了开裂管]|管.{0,3}爆|水管破|喷水|水喷|往外冒水|水漫|漫进|淹[了没到]|进水了|倒灌|积水.{0,6}(进屋|齐腰|没过|淹)|决口|蒸汽/,
  ],
  [
    "ebike",
    /(电动车|电瓶车|电瓶|电动自行车|电车).{0,8}(楼道|家里|屋里|室内|客厅|电梯|楼梯|上楼|过道)?.{0,4}充电|飞线充电|拉线充电|(楼道|家里|屋里|室内|电梯).{0,8}(电动车|电瓶车|电瓶)/,
  ],
  ["poisoning", /中毒|上吐下泻|呕吐|吐了|口吐白沫|一氧化碳|煤气中毒|误食/],
];

/**
 * Wording that reports something over or routine rather than a present danger: a question, praise for
 * a finished job, a bill. It silences cues only when no stronger sign of a present danger is there.
 */
const NOT_PRESENT =
  /感谢|表扬|点赞|锦旗|已经(修好|处理|解决)|上次.{0,6}(已|修好)|去年|以前|曾经|怎么(申请|办理|交|缴)|在哪(交|缴|办)|费用|收费|补贴|赔偿/;

const PRESENT = /现在|正在|马上|赶紧|快来|紧急|急[!！]|救命|危险|立刻|立即|刚才|刚刚/;

/** The dangers a text reports (empty when none). */
export function dangersIn(text: string): Danger[] {
  const input = typeof text === "string" ? text.normalize("NFKC") : "";
  const found = CUES.filter(([, cue]) => cue.test(input)).map(([danger]) => danger);
  if (found.length > 0 && NOT_PRESENT.test(input) && !PRESENT.test(input)) return [];
  return found;
}
