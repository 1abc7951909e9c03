/** The words of the demo history: demand texts varied from the examples, replies, reasons and notes. */
import type { Channel } from "../../modules/demands/channels.js";
import { DEMAND_TYPE_NAMES } from "../../modules/demands/demand-types.js";
import type { DemandType } from "../../modules/time-limits/rules.js";
import { chinaDate } from "../../platform/calendar/china-time.js";
import type { Random } from "./random.js";

export type Disposition = "solved" | "explained" | "handled_by_law";

/** Numbers of houses, buildings, entrances, rooms and floors ("23号院", "5单元"); not "12345". */
const HOUSE_NUMBER = /\d+(?=[号栋楼单室层户])/g;

/**
 * A resident's text, varied a little from the example: other house numbers, and sometimes a closing
 * request, so that a year of demands does not repeat a few hundred sentences word for word.
 */
export function varyText(r: Random, text: string): string {
  const renumbered = text.replace(HOUSE_NUMBER, (digits) =>
    String(r.int(digits.length > 1 ? 10 ** (digits.length - 1) : 1, 10 ** digits.length - 1)),
  );
  if (!/[。！？!?]$/.test(renumbered) || !r.chance(0.3)) return renumbered;
  return renumbered + r.pick(["请尽快处理。", "希望相关部门尽快解决。", "请相关部门核实处理。", "盼复。"]);
}

/** A 12345-style title: 关于<category>的<type>. */
export function titleOf(categoryName: string, type: DemandType): string {
  return `关于${categoryName}的${DEMAND_TYPE_NAMES[type]}`;
}

const REPLIES: Record<Disposition, string[]> = {
  solved: [
    "经{unit}核实，已安排工作人员到现场处理，问题已解决，并已电话告知来电人。",
    "{unit}接单后立即组织人员核查处置，现已整改到位，来电人表示认可。",
    "经{unit}协调相关责任方，问题已于近日处理完毕，后续将加强日常巡查。",
  ],
  explained: [
    "经{unit}核实，来电人所反映事项已按现行政策办理，已向来电人详细解释相关政策，来电人表示理解。",
    "{unit}已电话联系来电人，告知办理流程和所需材料，来电人表示清楚。",
    "经核实，该诉求暂不具备解决条件，{unit}已做好解释安抚工作，并将持续关注。",
  ],
  handled_by_law: [
    "经{unit}调查，相关行为违反有关规定，已依法立案查处并责令限期整改。",
    "{unit}已依法对当事方下达整改通知书，逾期不改将依法处罚，已告知来电人。",
  ],
};

/** The reply a unit gives, in its own name. */
export function replyText(r: Random, disposition: Disposition, unitName: string): string {
  return r.pick(REPLIES[disposition]).replaceAll("{unit}", unitName);
}

export const REASONS = {
  reject: [
    "重复来电，已有工单在办",
    "诉求人信息不全，多次联系未果",
    "不属于本区受理范围，已告知来电人向相关部门反映",
    "来电人表示问题已自行解决，撤回诉求",
  ],
  return: [
    "该事项不属于本单位职责，请重新派单",
    "经核实事发地不在本单位管辖范围，申请退单",
    "诉求内容涉及其他部门职责，建议改派",
  ],
  escalate: ["网格内无法解决，需社区协调处理", "涉及多户居民和产权单位，上报社区统筹"],
  extension: [
    "涉及多部门协调，需要更多时间",
    "需等待施工条件，申请延期办理",
    "涉及历史遗留问题，需进一步调查取证",
  ],
  rework: ["答复内容过于笼统，未说明具体处理结果，请补充", "来电人反映问题未实际解决，请重新核实处理"],
  reopen: ["回访群众表示问题未解决，重新交办", "回访不满意，经审核同意重办"],
  urge: ["该工单已超期，请抓紧办理并及时答复", "请承办单位加快办理进度，今日内反馈"],
  transfer: ["涉及专业执法，改派职能部门办理", "经会商，改由属地街道牵头办理"],
};

/** 办结 notes when the caller cannot or need not be visited, or was visited without success. */
export const CLOSE_NOTES = {
  unsatisfied: "经复核，已按政策答复到位，诉求超出政策范围，予以办结",
  noCaller: "无诉求人联系方式，经现场核实已办理完毕，予以办结",
};

export const VISIT_COMMENTS = {
  satisfied: ["处理及时，很满意", "工作人员态度很好", "问题解决了，谢谢", null, null],
  unsatisfied: ["问题还在", "只是打电话说了一下，没人来处理", "答复敷衍，不满意"],
};

export const LEDGER_NOTES = {
  suggestion: "群众建议，列入工作建议台账",
  difficult: "需延期或重办，列入疑难问题台账",
};

const SURNAMES = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎",
];
const GIVEN = [..."建华志强秀英丽娟海燕玉兰晓东文博浩然欣怡桂芳国平子涵雨萱"];

/** How a caller gives their name on the phone: 王先生, 李女士. */
export function callerName(r: Random): string {
  return r.pick(SURNAMES) + (r.chance(0.5) ? "先生" : "女士");
}

/** A full name: 王建华. */
export function fullName(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : "");
}

const OUTLETS = ["华商报", "西安晚报", "西安广播电视台《问政时刻》", "西安新闻网"];

/** The channel's own intake fields, as the intake form would have taken them. */
export function channelFields(
  r: Random,
  channel: Channel,
  at: Date,
  place: { gridName: string; communityName: string },
): Record<string, unknown> {
  const day = chinaDate(at);
  switch (channel) {
    case "12345":
      return {
        workOrderNo: `XA${day.replaceAll("-", "")}${String(r.int(0, 999_999)).padStart(6, "0")}`,
        callAt: at.toISOString(),
      };
    case "online":
      return { client: r.pick(["h5", "app", "mini_program"]) };
    case "grid_patrol":
      return { patrolNote: `${place.gridName}日常巡查` };
    case "household_visit":
      return {
        household: `${r.int(1, 30)}号楼${r.int(1, 6)}单元${r.int(1, 6)}0${r.int(1, 4)}室`,
        visitedOn: day,
      };
    case "window":
      return { windowName: r.pick(["街道便民服务中心综合窗口", "区政务服务中心综合窗口"]) };
    case "deputy":
      return { deputyName: fullName(r), deputyKind: r.pick(["npc", "cppcc", "party"]) };
    case "media":
      return { outlet: r.pick(OUTLETS), publishedOn: day };
    case "petition":
      return {
        petitionNo: `BLXF${day.slice(0, 4)}${String(r.int(0, 99_999)).padStart(5, "0")}`,
        petitionKind: r.pick(["letter", "visit", "online"]),
      };
    case "field_inspection":
      return { inspector: fullName(r) };
    case "forum":
      return { forumName: `${place.communityName}居民议事协商会`, heldOn: day };
    case "grassroots_report":
      return { reportingOrganisation: `${place.communityName}居委会` };
  }
}
