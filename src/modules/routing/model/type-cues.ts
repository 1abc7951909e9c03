/**
 * Wording that carries the demand type (诉求类型) whatever the topic: the demand-type convention of
 * the training material (training/type-convention.ts labels problems with these), and the caller's
 * own words for asking, thanking, proposing, accusing, blaming and asking for help. Written from the
 * label rules of data/routing-eval/README.md and general knowledge of how residents speak, none of
 * its texts. The features of a demand (features.ts) name the caller's-words cues that match
 * (TYPE_CUES), so the type model learns the kind of wording, not only the words the training frames
 * happened to use. The convention's own cues are not features: out of fold they only restate the
 * labels they made.
 */

/** Wording of a frame that blames: complains of handling, of being ignored, of being fed up. */
export const BLAMING_FRAME =
  /投诉|管不管|有没有人管|没人管|不管|管一管|不满意|推诿|推来推去|忍无可忍|受不了|几次|反映过|督促|未果|老样子/;

/** Wording of a frame that asks for help or a service. */
export const HELPING_FRAME = /帮|求助|怎么办|没办法|协调|派人|催一下/;

/**
 * Someone's conduct in a problem's own words: a party that does wrong, will not act or drags on
 * (物业不修, 开发商不给办证, 商户占道, 楼上吵, 补贴一直没发). It makes a problem 投诉 even when
 * something is broken, and so does a failure that keeps coming back or was fixed badly (又坏了,
 * 老是停, 没修好), a rhetorical question (到底, 凭什么) or a loss the caller bears (烧坏, 白花钱):
 * dissatisfaction with whoever is answerable, as is a problem the caller says wears them down
 * (天天, 实在受不了, 影响休息, 没法住). A neighbour named without blame (楼上漏水到我家) is not conduct: what the
 * caller needs is a repair or mediation (求助, as the label rules count mediation).
 */
export const CONDUCT =
  /没人(管|修|扫|清|来|回收|处理|理)|不管|不理|不给|不让|不退|不还|不修|不处理|不换|不开放|不靠站|拒载|拒绝|推诿|推三阻四|踢皮球|拖欠|拖了|拖着|被拖|一直没|还没|没下文|没消息|没办成|跑了好几趟|太复杂|乱收|多收|还要收钱|太贵|涨价|态度|敷衍|不作为|偷工减料|质量太差|豆腐渣|太差|很差|扰民|吵|噪|炸街|油烟|熏|臭|乱停|乱扔|乱倒|乱摆|乱贴|乱搭|占道|占了|占用|占着|私自|违规|违法|闯红灯|不拴绳|无证|资质|假|骗|撬|坑|强制|强行|霸占|开发商|物业|商家|商户|老板|中介|房东|施工队|工作人员|不合理|不同意|罚|扣|又(坏|堵|停|漏|不亮|没水|没电|冒)|老是|总是|三天两头|每次都|反反复复|反复(坏|修|堵)|到底|凭什么|凭啥|给谁(用|走|看)|糊弄|应付|没修好|修不好|没彻底|根本(没|不)|没个?(说法|回复|交代)|烧坏|损失|冤枉钱|白花|坑人|不公平|实在(是|太)?(受不了|没法|忍)|简直|烦死|气死|闹心|糟心|影响(生活|休息|睡觉|出行|孩子)|没法(住|睡|过|走|出门)|天天|每天都|整天|这么久|多久了/;

/**
 * A need in a problem's own words: something broken or out (a repair, an outage, a hazard to make
 * safe) or a person needing assistance (a benefit, mediation, care). Told without blame it is 求助.
 */
export const NEED =
  /坏|破|碎|裂|塌|陷|松动|松了|歪|断|堵|漏|渗|冒水|冒出来|满了|停电|停水|停气|没电|没水|没气|不亮|不热|不暖|冷|冰凉|水压|跳闸|闪|模糊|磨|掉|锈|积水|成了河|淹|虫|白蚁|蚊|鼠|树枝|流浪|低保|补贴|救助|援助|申请|困难|残疾|独居|看护|照顾|调解|矛盾/;

/**
 * A violation to enforce against in a problem's own words (illegal building, an unlicensed or
 * fraudulent business, pollution let out, a fire hazard or 隐患 someone is answerable for (a blocked
 * fire lane, expired extinguishers, an e-bike charged in the stairwell), a public space taken over
 * — 占道经营, 小广告, parking on the pavement — theft and break-ins, gambling, selling to minors, a
 * food business's hygiene, benefits drawn by fraud, building work at night or left dusty, a car
 * abandoned on a space): told plainly it is 举报. A wrong that lands on the
 * caller's own home (a neighbour's noise, a landlord's deposit) stays 投诉 (CONDUCT).
 */
export const VIOLATION =
  /隐患|消防(通道|车道|栓|设施|门)|安全出口|灭火器|易燃|飞线|私拉|(楼道|过道|楼梯|屋里|家里).{0,8}充电|充电.{0,6}(楼道|过道|楼梯)|占道|出店经营|流动摊|摆摊|乱贴|小广告|停在(人行道|盲道)|停.{0,4}(人行道|盲道)上|渣土车.{0,8}(撒|漏|乱倒)|黑车|非法营运|群租|地锁|毁绿|铲了|私搭|乱建|违建|搭了|加盖|私自|无证|无照|没有?(资质|执照|营业执照|健康证|许可)|没资质|非法|违法|违规|偷倒|偷排|直排|乱倒|排污|倒脏水|污水.{0,6}(倒|排|流)|烧(垃圾|树叶|秸秆|电线|纸钱|东西)|骗|假(货|药|冒)|冒充|盗版|地沟油|变质|过期|不消毒|处方药不要处方|医保卡买|易燃|堆.{0,6}(楼道|消防|安全出口)|(楼道|消防通道|安全出口).{0,6}(堆|锁|堵|占)|酒驾|逆行|闯红灯|吃拿卡要|传销|赌博|偷|盗|撬|扒手|赌|开设?赌场|未成年|(卫生|环境).{0,4}(很差|太差|脏)|不戴(口罩|帽子|手套)|冒领|骗取|骗保|夜间施工|半夜施工|裸土|不(覆盖|盖网|苫盖)|扬尘|僵尸车|废(机)?油|私占|圈(起来|占)|围起来/;

/** Asking for information or a procedure (咨询): who, where, how, how much, whether it is allowed. */
export const ASKING =
  /请问|咨询|哪(里|儿)?(能|可以|有)(打|办|买|看|查|领|交|修)|有没有(?!人)|能.{0,6}吗|是不是|什么时候|啥时候|几点|多少|多长时间|为(啥|什么)|咋回事|怎么回事|想问|问一下|问问|问下|打听|了解一下|想了解|怎么(办理|申请|办|弄|交|缴|查|报名|认定|算|收费)|咋(办|弄|申请|交)|需要(什么|哪些|带)|要带什么|什么(材料|手续|条件|时候|流程)|哪些(材料|条件)|在哪(里|儿)?(办|交|查|申请|领)|去哪|哪个部门|找谁|归谁管|多少钱|多久|是否|可不可以|可以吗|能不能(报销|申请|办|领|享受|转)|有没有.{0,6}(政策|规定|补贴|标准)|符合.{0,4}条件|算不算|合法吗|合理吗|有什么规定/;

/** Thanks and praise (表扬). */
export const THANKING =
  /感谢|谢谢(你们|您|师傅|社区|大家)|多谢|表扬|点赞|锦旗|辛苦了|好评|(?<!不)满意|给力|(?<!不)负责任|热心|很及时|特别及时|又快又好|帮了大忙|暖心|感动/;

/** Proposing an improvement (建议). */
export const PROPOSING =
  /建议|提议|提个意见|意见|希望(能|可以)?(增设|增加|加装|安装|设置|多设|多开|延长|开通|规划|考虑)|能否|可否|最好(能|是)?|能不能(增设|加装|多设|安装|设置|开通|延长|多开|建)|应该(增设|加装|安装|设|多)|增设|加装|多设/;

/** Telling a wrongdoing for enforcement (举报). */
export const ACCUSING =
  /举报|查处|查一查|查查|取缔|依法|执法|违法|违规|非法|无证|无照|黑(作坊|诊所|车|中介)|偷排|偷倒|私搭|乱建|违建|涉嫌|诈骗|骗子/;

/** Blaming a unit, company, business or person, or earlier handling (投诉). */
export const BLAMING =
  /投诉|不满|态度|不作为|推诿|踢皮球|敷衍|没人管|不管|不理|不给|不退|不修|拖欠|拖着|一直没|还没|没下文|没解决|办结|不负责|凭什么|太过分|欺负|乱收费|多收|强制|强行|忍无可忍|受不了|扰民|吵|又(坏|堵|停|漏|不亮|没水|没电|冒)|老是|总是|三天两头|每次都|反反复复|反复(坏|修|堵)|到底|凭什么|凭啥|给谁(用|走|看)|糊弄|应付|没修好|修不好|没彻底|根本(没|不)|没个?(说法|回复|交代)|烧坏|损失|冤枉钱|白花|坑人|不公平|实在(是|太)?(受不了|没法|忍)|简直|烦死|气死|闹心|糟心|影响(生活|休息|睡觉|出行|孩子)|没法(住|睡|过|走|出门)|天天|每天都|整天|这么久|多久了/;

/** Asking for a service or assistance (求助). */
export const NEEDING =
  /求助|帮(忙|帮|一下|我|我们)|麻烦(你们|您)?.{0,4}(派|来|修|看|处理|协调|联系)|派人|来人|修一下|维修|修理|抢修|处理一下|怎么办|没办法|救助|援助|困难|协调|调解|上门/;

/** The cues with their feature names. */
export const TYPE_CUES: readonly [string, RegExp][] = [
  ["问", ASKING],
  ["谢", THANKING],
  ["议", PROPOSING],
  ["举", ACCUSING],
  ["责", BLAMING],
  ["帮", NEEDING],
];
