import type { DemandType } from "../../demands/demand-types.js";

/**
 * The demand-type convention (诉求类型) of the training material, written from the label rules of
 * data/routing-eval/README.md (its rules only, none of its texts): a problem is 投诉 when the caller
 * blames someone's conduct (a unit, company, business or person, earlier handling included), 举报 when
 * it tells a violation to enforce against, and 求助 when it just needs fixing or help. The caller's own
 * words decide first: a frame that blames or asks for help gives its type; a frame that only records
 * the problem leaves it to the problem's wording. The previous generator flipped a coin between 投诉
 * and 求助 for every problem, bare frames included, so the same words were taught both types.
 */

/** Wording of a frame that blames: complains of handling, of being ignored, of being fed up. */
const BLAMING_FRAME =
  /投诉|管不管|有没有人管|没人管|不管|管一管|不满意|推诿|推来推去|忍无可忍|受不了|几次|反映过|督促|未果|老样子/;

/** Wording of a frame that asks for help or a service. */
const HELPING_FRAME = /帮|求助|怎么办|没办法|协调|派人|催一下/;

/** The type a frame's own words give a problem, or null when the frame only records it. */
export function frameVoice(frame: string): "complaint" | "help" | null {
  if (BLAMING_FRAME.test(frame)) return "complaint";
  if (HELPING_FRAME.test(frame)) return "help";
  return null;
}

/**
 * Someone's conduct in a problem's own words: a party that does wrong, will not act or drags on
 * (物业不修, 开发商不给办证, 商户占道, 楼上吵, 补贴一直没发). It makes a problem 投诉 even when
 * something is broken.
 */
const CONDUCT =
  /没人(管|修|扫|清|来|回收|处理|理)|不管|不理|不给|不让|不退|不还|不修|不处理|不换|不开放|不靠站|拒载|拒绝|推诿|推三阻四|踢皮球|拖欠|拖了|拖着|被拖|一直没|还没|没下文|没消息|没办成|跑了好几趟|太复杂|乱收|多收|还要收钱|太贵|涨价|态度|敷衍|不作为|偷工减料|质量太差|豆腐渣|太差|很差|扰民|吵|噪|炸街|油烟|熏|臭|乱停|乱扔|乱倒|乱摆|乱贴|乱搭|占道|占了|占用|占着|私自|违规|违法|闯红灯|不拴绳|无证|资质|假|偷|骗|撬|坑|强制|强行|霸占|开发商|物业|商家|商户|老板|中介|房东|邻居|楼上|施工队|工作人员|不合理|不同意|罚|扣/;

/**
 * A need in a problem's own words: something broken or out (a repair, an outage, a hazard to make
 * safe) or a person needing assistance (a benefit, mediation, care). Told without blame it is 求助.
 */
const NEED =
  /坏|破|碎|裂|塌|陷|松动|松了|歪|断|堵|漏|渗|冒水|冒出来|满了|停电|停水|停气|没电|没水|没气|不亮|不热|不暖|冷|冰凉|水压|跳闸|闪|模糊|磨|掉|锈|积水|成了河|淹|虫|白蚁|蚊|鼠|树枝|流浪|低保|补贴|救助|援助|申请|困难|残疾|独居|看护|照顾|调解|矛盾/;

/**
 * A violation to enforce against in a problem's own words (illegal building, an unlicensed or
 * fraudulent business, pollution let out, a fire hazard or 隐患 someone is answerable for (a blocked
 * fire lane, expired extinguishers, an e-bike charged in the stairwell), a public space taken over
 * — 占道经营, 小广告, parking on the pavement): told plainly it is 举报. A wrong that lands on the
 * caller's own home (a neighbour's noise, a landlord's deposit) stays 投诉 (CONDUCT).
 */
const VIOLATION =
  /隐患|消防(通道|车道|栓|设施|门)|安全出口|灭火器|易燃|飞线|私拉|(楼道|过道|楼梯|屋里|家里).{0,8}充电|充电.{0,6}(楼道|过道|楼梯)|占道|出店经营|流动摊|摆摊|乱贴|小广告|停在(人行道|盲道)|停.{0,4}(人行道|盲道)上|渣土车.{0,8}(撒|漏|乱倒)|黑车|非法营运|群租|地锁|毁绿|铲了|私搭|乱建|违建|搭了|加盖|私自|无证|无照|没有?(资质|执照|营业执照|健康证|许可)|没资质|非法|违法|违规|偷倒|偷排|直排|乱倒|排污|倒脏水|污水.{0,6}(倒|排|流)|烧(垃圾|树叶|秸秆|电线|纸钱|东西)|骗|假(货|药|冒)|冒充|盗版|地沟油|变质|过期|不消毒|处方药不要处方|医保卡买|易燃|堆.{0,6}(楼道|消防|安全出口)|(楼道|消防通道|安全出口).{0,6}(堆|锁|堵|占)|酒驾|逆行|闯红灯|吃拿卡要|传销|赌博/;

/**
 * The type of a problem told without a blaming or helping frame: 举报 when its words tell a
 * violation, 投诉 when they blame someone's conduct, 求助 when they tell a need, else 投诉 (what
 * remains is mostly a business's, a unit's or a neighbour's doing told without naming the blame).
 */
export function problemType(
  text: string,
  leansHelp: boolean,
): Extract<DemandType, "complaint" | "help" | "report"> {
  if (leansHelp) return "help";
  if (VIOLATION.test(text)) return "report";
  if (CONDUCT.test(text)) return "complaint";
  return NEED.test(text) ? "help" : "complaint";
}
