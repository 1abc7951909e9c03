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
    /(煤|燃|天然|液化)[气汽]味|臭鸡蛋味|[漏泄][气汽]|燃[气汽]泄露?漏|[气汽]管.{0,4}(断|破|裂|漏)|(燃[气汽]|煤[气汽]).{0,6}报警|报警器.{0,4}(一直)?响|[气汽]罐.{0,6}(漏|味|着|爆)|呲呲|嘶嘶/,
  ],
  [
    "fire",
    /着火|起火|失火|火灾|冒[黑白浓]?烟|浓烟|烟雾|全是烟|起烟|烧焦|焦糊味|糊味|火苗|火光|明火|冒火|烧起来|着起来|爆炸|炸了|爆燃/,
  ],
  [
    "electricity",
    /火花|打火|电线.{0,6}(掉|垂|断|落|冒|烧|裸露|着)|漏电|触电|电着|带电|短路|高压线.{0,6}(断|掉|落|垂|低)|电线杆.{0,4}(倒|断|歪)|变压器.{0,4}(响|冒|炸|着)|(配电箱|电箱|电表箱).{0,4}(冒|着|烧|响)/,
  ],
  [
    "collapse",
    /塌[了陷方下]|坍塌|垮塌|倒塌|要塌|快塌|塌陷|往下掉渣|地陷|路面.{0,4}塌|随时.{0,4}(会)?(倒|塌|垮)|(墙|楼|房).{0,4}(歪了|倾斜|要倒)|裂缝.{0,8}(越来越|变宽|变大)|大坑.{0,6}(车|人).{0,4}(掉|陷)/,
  ],
  [
    "falling",
    /掉下来|砸[到伤中坏了死]|高空抛物|往下[扔丢抛]|往下掉|摇摇欲坠|快掉了|要掉下|随时.{0,6}掉|刮下来|刮倒|坠落|坠物|(树|树枝|广告牌|招牌|玻璃|花盆|空调外机).{0,6}(倒|断|掉|晃|砸|压)/,
  ],
  [
    "trapped",
    /被困|困在|困住|关在(电梯|里面)|卡在电梯|电梯.{0,6}(困|卡住|出不来|下坠|坠落|关人)|出不来|出不去|锁在.{0,4}里/,
  ],
  [
    "person",
    /摔倒|晕倒|昏倒|晕过去|昏迷|叫不醒|起不来|一动不动|倒地|没有?呼吸|呼吸困难|抽搐|不省人事|没动静|没反应|(老人|老太|大爷|大妈|奶奶|爷爷|独居|母亲|父亲|[妈爸]|孩子|邻居|家人).{0,12}(联系不上|打不通)|敲门没人应|好几天没(出门|见|开门)|几天没(出门|见|开门)|走失|走丢|找不到家|倒在地上|躺在(路边|地上)|冻死|冻僵|失踪|犯病|发病|心脏病|骨折|救护车|急救|120|生命危险|出人命|救命/,
  ],
  [
    "self-harm",
    /轻生|自杀|跳楼|跳河|跳桥|要跳|寻死|不想活|活不下去|想不开|割腕|喝药|站在(楼顶|天台|窗台)|爬上.{0,4}(楼顶|天台|桥)/,
  ],
  [
    "violence",
    /持刀|拿[着了]?刀|动刀|砍人|捅人|流血|受伤|打人|正在打|打起来|动手打|家暴|被打|殴打|砸门|持械|威胁.{0,6}(杀|命|弄死)|咬伤|被.{0,2}咬了|抢劫/,
  ],
  [
    "flooding",
    /爆[了开裂管]|管.{0,3}爆|水管破|喷水|水喷|往外冒水|往外涌|冒水|水漫|漫进|淹[了没到]|进水了|泡了|倒灌|积水.{0,8}(进屋|齐腰|齐膝|没过|淹|很深)|决口|蒸汽/,
  ],
  [
    "ebike",
    /(电动车|电瓶车|电瓶|电动自行车|电车).{0,8}(楼道|家里|屋里|室内|客厅|电梯|楼梯|上楼|过道)?.{0,4}充电|飞线充电|拉线充电|(楼道|家里|屋里|室内|电梯|楼梯).{0,8}(电动车|电瓶车|电瓶)|(电动车|电瓶车|电瓶).{0,8}(推进|推到|放在|停在|拎|带|搬).{0,6}(楼道|楼梯|家|屋|电梯|楼上)|(楼道|楼梯).{0,6}(充电|插线板|插排)/,
  ],
  ["poisoning", /中毒|上吐下泻|呕吐|吐了|口吐白沫|一氧化碳|烧炭|误食/],
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
