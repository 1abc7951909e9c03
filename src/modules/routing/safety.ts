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
  | "poisoning"
  | "manhole"
  | "traffic";

const CUES: readonly [Danger, RegExp][] = [
  [
    "gas",
    /(燃|煤|天然|天燃|液化)[气汽起].{0,6}(味|漏|泄|冒)|煤起|气瓶.{0,4}漏|气还开着|(燃[气汽]|天然气|煤气)管.{0,8}(冒|气泡|挖断)|(煤|燃|天然|液化)[气汽]味|臭鸡蛋味|[漏泄][气汽]|燃[气汽]泄露?漏|[气汽]管.{0,4}(断|破|裂|漏)|(燃[气汽]|煤[气汽]).{0,6}报警|报警器.{0,4}(一直)?响|[气汽]罐.{0,6}(漏|味|着|爆)|呲呲|嘶嘶/,
  ],
  [
    "fire",
    /(屋|家|楼道|房)里?有烟|烟.{0,4}(往外冒|窜)|(草|树|车|房|屋|楼|柜|线|锅|桶).{0,2}着了|烧着|火(挺|很|特别)大|自燃|烧塑料|放火|烧起来|起了明火|(?<!不)着火|起火|失火|火灾|冒[黑白浓]?烟|浓烟|烟雾|全是烟|起烟|烧焦|焦糊味|糊味|火苗|火光|明火|冒火|烧起来|着起来|爆炸|炸了|爆燃/,
  ],
  [
    "electricity",
    /冒火星|火星子|噼里啪啦|噼啪|线.{0,6}(裸露|泡在水|耷拉|搭在)|电线.{0,4}烧|火花|打火|电线.{0,6}(掉|垂|断|落|冒|烧|裸露|着)|漏电|触电|电着|带电|短路|高压线.{0,6}(断|掉|落|垂|低)|电线杆.{0,4}(倒|断|歪)|变压器.{0,4}(响|冒|炸|着)|(配电箱|电箱|电表箱).{0,4}(冒|着|烧|响)/,
  ],
  [
    "collapse",
    /鼓出来|鼓包|往下沉|往下陷|下陷|往下滑|滑坡|倒了一截|咔咔响|一推就晃|塌了一[块截]|松了.{0,4}晃|塌[了陷方下]|坍塌|垮塌|倒塌|要塌|快塌|塌陷|往下掉渣|地陷|路面.{0,4}塌|随时.{0,4}(会)?(倒|塌|垮)|(墙|楼|房).{0,4}(歪了|倾斜|要倒)|裂缝.{0,8}(越来越|变宽|变大)|大坑.{0,6}(车|人).{0,4}(掉|陷)/,
  ],
  [
    "falling",
    /挂在那.{0,6}晃|悬在|挂在半空|歪着.{0,4}(快|要)?掉|快倒了|要倒了|掀起来|摇摇晃晃|往下扔|栏杆外|掉下来|砸[到伤中坏了死]|高空抛物|往下[扔丢抛]|往下掉|摇摇欲坠|快掉了|要掉下|随时.{0,6}掉|刮下来|刮倒|坠落|坠物|(树|树枝|广告牌|招牌|玻璃|花盆|空调外机).{0,6}(倒|断|掉|晃动|晃悠|砸|压)/,
  ],
  [
    "trapped",
    /电[梯体提].{0,8}(卡|困|关着|掉了|坠|半空|出不来|打不开)|反锁|叫门不应|爬不上来|卡在.{0,4}缝|困在车里|(孩子|小孩|娃|人|狗|老人).{0,4}锁在车里|被困|困在|困住|关在(电梯|里面)|卡在电梯|电梯.{0,6}(困|卡住|出不来|下坠|坠落|关人)|出不来|出不去|(?<!钥匙)锁在.{0,4}里/,
  ],
  [
    "person",
    /喊不醒|嘴唇发紫|躺在马路|没回来|找不到(妈妈|爸爸|家)|冻得(不行|发抖)|制氧机|呼吸机|喊救命|中暑|摔下来|掉到河|掉进(河|水|坑|井)|落水|窗台外|爬到窗台|[一二两三四五六七八九十几多]天没(出门|见|开门|动静|露面)|(一个人住|独居|孤寡|独自).{0,20}(没人接|联系不上|打不通|没动静|没出门|不应)|摔倒|晕倒|昏倒|晕过去|昏迷|叫不醒|起不来|一动不动|倒地|没有?呼吸|呼吸困难|抽搐|不省人事|没动静|没反应|(老人|老太|大爷|大妈|奶奶|爷爷|独居|母亲|父亲|[妈爸]|孩子|邻居|家人).{0,12}(联系不上|打不通)|敲门没人应|好几天没(出门|见|开门)|几天没(出门|见|开门)|走失|走丢|找不到家|倒在地上|躺在(路边|地上)|冻死|冻僵|失踪|犯病|发病|心脏病|骨折|救护车|急救|120|生命危险|出人命|救命/,
  ],
  [
    "self-harm",
    /轻生|自杀|跳楼|跳河|跳桥|要跳|寻死|不想活|活不下去|想不开|割腕|喝药|站在(楼顶|天台|窗台)|爬上.{0,4}(楼顶|天台|桥)/,
  ],
  [
    "violence",
    /拿着(刀|棍|砖)|追人|弄死|砸车|打架|咬[了伤]|把.{0,4}咬|持刀|拿[着了]?刀|动刀|砍人|捅人|流血|受伤|打人|正在打|打起来|动手打|家暴|被打|殴打|砸门|持械|威胁.{0,6}(杀|命|弄死)|咬伤|被.{0,2}咬了|抢劫/,
  ],
  [
    "flooding",
    /进屋|水.{0,6}到膝盖|水柱|哗哗|往里灌|灌进|齐腰|漫到|反水|水位.{0,4}(涨|高)|淹|爆[了开裂管]|管.{0,3}爆|水管破|喷水|水喷|往外冒水|往外涌|冒水|水漫|漫进|淹[了没到]|进水了|泡了|倒灌|积水.{0,8}(进屋|齐腰|齐膝|没过|淹|很深)|决口|蒸汽/,
  ],
  [
    "ebike",
    /(电动车|电瓶车|电瓶|电车).{0,12}(充一|在充|充着|充上|回家充)|(屋里|家里|客厅|楼道|过道).{0,4}充(电车|电瓶|一晚)|(电动车|电瓶车|电瓶|电动自行车|电车).{0,8}(楼道|家里|屋里|室内|客厅|电梯|楼梯|上楼|过道)?.{0,4}充电(?!桩|口|站)|飞线充电(?!桩|口|站)|拉线充电(?!桩|口|站)|(楼道|家里|屋里|室内|电梯|楼梯).{0,8}(电动车|电瓶车|电瓶)|(电动车|电瓶车|电瓶).{0,8}(推进|推到|放在|停在|拎|带|搬).{0,6}(楼道|楼梯|家|屋|电梯|楼上)|(楼道|楼梯).{0,6}(充电(?!桩|口|站)|插线板|插排)/,
  ],
  [
    "manhole",
    /井盖.{0,6}(没了|丢|不见|被偷|碎|翻|掀|冲开|缺)|箅子.{0,4}(没|不见|丢)|窨井.{0,6}(碎|没|开)|(黑洞|大洞).{0,8}(看不见|掉)/,
  ],
  ["traffic", /撒了一路|撞了.{0,8}(人|躺|压|血)|压在.{0,4}下面|翻了|横在.{0,4}车道|爆胎|车祸|撞成一团/],
  [
    "poisoning",
    /刺鼻|眼睛疼|烧炭|消毒液|农药|化工.{0,8}(漏|倒|冒|流)|中毒|上吐下泻|呕吐|吐了|口吐白沫|一氧化碳|烧炭|误食/,
  ],
];

/** Thanks for a finished job: nothing in the text is a present danger. */
const THANKS = /感谢|表扬|点赞|锦旗/;

/**
 * Wording that reports something over or routine rather than a present danger: a question, a bill,
 * a past event. It silences a cue in its own clause only, so a danger added to a question in the same
 * call ("我想问下物业费的事，另外楼道里有人在充电瓶车") still counts.
 */
const NOT_PRESENT =
  /已经(修好|处理|解决)|找到了|上次.{0,6}(已|修好)|上个?月|上周|去年|以前|曾经|建议|咨询|想问|立案|索赔|证明|到期|过期|去哪|在哪|怎么(申请|办理|交|缴)|费用|收费|补贴|赔偿/;

const PRESENT = /现在|正在|马上|赶紧|快来|紧急|急[!！]|救命|危险|立刻|立即|刚才|刚刚/;

/** The clause of text around position at (between punctuation marks). */
function clauseAt(text: string, at: number): string {
  const marks = /[，。！？；,.!?;\n]/;
  let start = at;
  while (start > 0 && !marks.test(text[start - 1])) start--;
  let end = at;
  while (end < text.length && !marks.test(text[end])) end++;
  return text.slice(start, end);
}

/** The dangers a text reports (empty when none). */
export function dangersIn(text: string): Danger[] {
  const input = typeof text === "string" ? text.normalize("NFKC") : "";
  if (THANKS.test(input) && !PRESENT.test(input)) return [];
  const present = PRESENT.test(input);
  return CUES.filter(([, cue]) => {
    const match = cue.exec(input);
    return match !== null && (present || !NOT_PRESENT.test(clauseAt(input, match.index)));
  }).map(([danger]) => danger);
}
