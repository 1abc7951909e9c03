import type { Insertable } from "kysely";
import type { DB } from "../../db/schema.js";
import { addDays, type CalendarDay } from "../../platform/calendar/days.js";
import { Random } from "../history/random.js";
import { fullName } from "../history/texts.js";

/** The source's counts (碑林区): 12 社区党委, 78 共建联合会, 416 议事协商会议, 137 共建项目, 122 solved. */
export const SOURCE_COUNTS = {
  committees: 12,
  councils: 78,
  meetings: 416,
  projects: 137,
  solved: 122,
} as const;
/** 柏树林街道's 地区党建联盟 drew in 80+ resident units. */
const ALLIANCE_STREET_NAME = "柏树林街道";
const ALLIANCE_UNITS = 82;

export interface CommunityFrame {
  code: string;
  name: string;
  streetCode: string;
  grids: {
    code: string;
    name: string;
    partyBranch: string | null;
    building: { id: number; name: string } | null;
  }[];
}

export interface StreetFrame {
  code: string;
  name: string;
}

type Rows<T extends keyof DB> = Insertable<DB[T]>[];
export interface PartyRows {
  party_organisations: Rows<"party_organisations">;
  party_members: Rows<"party_members">;
  party_reports: Rows<"party_reports">;
  joint_councils: Rows<"joint_councils">;
  joint_members: Rows<"joint_members">;
  joint_meetings: Rows<"joint_meetings">;
  joint_decisions: Rows<"joint_decisions">;
  joint_projects: Rows<"joint_projects">;
  joint_project_members: Rows<"joint_project_members">;
  joint_project_steps: Rows<"joint_project_steps">;
  joint_list_items: Rows<"joint_list_items">;
}

const TOPICS = [
  ["小区停车难", "规划临时停车位并错时共享单位车位"],
  ["楼道堆物清理", "组织党员志愿者集中清理楼道堆物"],
  ["老旧小区加装电梯", "推动加装电梯意见征集与方案公示"],
  ["路灯损坏", "协调物业更换损坏路灯"],
  ["垃圾分类", "设置分类投放点并安排党员值守"],
  ["电动车充电", "建设集中充电桩"],
  ["环境卫生整治", "开展公益联做环境整治行动"],
  ["治安防范", "增设监控并组织夜间巡逻"],
  ["适老化改造", "为独居老人安装扶手与紧急呼叫"],
  ["雨污管网疏通", "联合物业与市政疏通管网"],
] as const;
const RESOURCES = ["志愿服务队", "活动场地", "法律咨询", "义诊服务", "维修技工", "停车位共享"];

/**
 * The demo party organisations and joint building of the district, consistent with the source's
 * counts: the 12 communities with most grids are 党委, the next 66 党总支 and the rest 党支部; the 78
 * largest have a 共建联合会; every grid a 网格党支部 (党小组 where the community has only a 党支部),
 * one 楼栋党小组 and 党员中心户 where the grid has a building. Rows carry explicit ids from 1.
 */
export function generateParty(
  communities: readonly CommunityFrame[],
  streets: readonly StreetFrame[],
  today: CalendarDay,
  seed = 610103,
): PartyRows {
  const r = new Random(seed).fork("party");
  const rows: PartyRows = {
    party_organisations: [],
    party_members: [],
    party_reports: [],
    joint_councils: [],
    joint_members: [],
    joint_meetings: [],
    joint_decisions: [],
    joint_projects: [],
    joint_project_members: [],
    joint_project_steps: [],
    joint_list_items: [],
  };
  const ranked = [...communities].sort(
    (a, b) => b.grids.length - a.grids.length || a.code.localeCompare(b.code),
  );
  const day = (back: number) => addDays(today, -back);
  const organisation = (row: Omit<Rows<"party_organisations">[number], "id" | "secretary">) => {
    const id = rows.party_organisations.length + 1;
    const secretary = fullName(r);
    rows.party_organisations.push({ id, secretary, ...row });
    rows.party_members.push({ organisation_id: id, name: secretary, duty: "secretary" });
    for (let n = r.int(0, 2); n > 0; n--)
      rows.party_members.push({ organisation_id: id, name: fullName(r), duty: "member" });
    return id;
  };
  ranked.forEach((community, rank) => {
    const kind =
      rank < SOURCE_COUNTS.committees
        ? "committee"
        : rank < SOURCE_COUNTS.councils
          ? "general_branch"
          : "branch";
    const suffix = { committee: "党委", general_branch: "党总支", branch: "党支部" }[kind];
    const top = organisation({
      kind,
      name: `${community.name}${suffix}`,
      region_code: community.code,
      parent_id: null,
    });
    for (const grid of community.grids) {
      const gridKind = kind === "branch" ? "grid_group" : "grid_branch";
      const name = grid.partyBranch ?? `${grid.name}${gridKind === "grid_branch" ? "党支部" : "党小组"}`;
      const gridOrg = organisation({ kind: gridKind, name, region_code: grid.code, parent_id: top });
      if (!grid.building) continue;
      const building = organisation({
        kind: "building_group",
        name: `${grid.building.name}党小组`,
        region_code: grid.code,
        parent_id: gridOrg,
        place_id: grid.building.id,
      });
      organisation({
        kind: "household",
        name: `${grid.building.name}党员中心户`,
        region_code: grid.code,
        parent_id: building,
      });
    }
    for (let n = 0; n < 2; n++)
      rows.party_reports.push({
        region_code: community.code,
        kind: n === 0 ? "organisation" : "member",
        name: n === 0 ? `${community.name}驻地单位党支部` : fullName(r),
        home_unit: r.pick(["区教育局", "区卫健局", "区城管局", "省人民医院", "区税务局"]),
        pledge: r.pick(["每月参加一次社区志愿服务", "认领楼道环境整治", "为老人提供义诊", "开展法律咨询"]),
        reported_on: day(r.int(30, 360)),
      });
  });
  jointBuilding(rows, ranked.slice(0, SOURCE_COUNTS.councils), streets, r, day);
  return rows;
}

function jointBuilding(
  rows: PartyRows,
  communities: readonly CommunityFrame[],
  streets: readonly StreetFrame[],
  r: Random,
  day: (back: number) => CalendarDay,
): void {
  const meetingsEach = Math.floor(SOURCE_COUNTS.meetings / communities.length);
  const meetingsExtra = SOURCE_COUNTS.meetings - meetingsEach * communities.length;
  const projectsEach = Math.floor(SOURCE_COUNTS.projects / communities.length);
  const projectsExtra = SOURCE_COUNTS.projects - projectsEach * communities.length;
  // Which projects stay open: every ninth until the solved count is reached, the rest advancing or shelved.
  const open = SOURCE_COUNTS.projects - SOURCE_COUNTS.solved;
  const openIndexes = new Set(
    Array.from({ length: open }, (_, i) => Math.floor((i * SOURCE_COUNTS.projects) / open) + 4),
  );
  communities.forEach((community, index) => {
    const councilId = index + 1;
    rows.joint_councils.push({
      id: councilId,
      kind: "council",
      name: `${community.name}党建共建联合会`,
      region_code: community.code,
      founded_on: day(r.int(380, 700)),
    });
    const memberIds: number[] = [];
    const member = (kind: Rows<"joint_members">[number]["kind"], name: string) => {
      const id = rows.joint_members.length + 1;
      rows.joint_members.push({
        id,
        council_id: councilId,
        kind,
        name,
        contact: fullName(r),
        joined_on: day(r.int(370, 700)),
      });
      memberIds.push(id);
      return id;
    };
    member("property_company", `${community.name.replace(/社区$/, "")}物业服务有限公司`);
    member("owners_committee", `${community.name}业主委员会`);
    member("police_station", `${community.name}社区警务室`);
    const unit = member("resident_unit", `${community.name}驻地单位`);
    rows.joint_list_items.push({
      id: rows.joint_list_items.length + 1,
      council_id: councilId,
      list: "resources",
      member_id: unit,
      title: r.pick(RESOURCES),
    });
    const meetings = meetingsEach + (index < meetingsExtra ? 1 : 0);
    const projects = projectsEach + (index < projectsExtra ? 1 : 0);
    for (let m = 0; m < meetings; m++) {
      const meetingId = rows.joint_meetings.length + 1;
      const [topic, decision] = TOPICS[(index + m) % TOPICS.length];
      // Meetings spread over the demo year, the ones that set a project early enough to have finished it.
      const heldBack = m < projects ? r.int(120, 360) : r.int(5, 360);
      rows.joint_meetings.push({
        id: meetingId,
        council_id: councilId,
        held_on: day(heldBack),
        topic: `${topic}议事协商会`,
        attendees: JSON.stringify(
          rows.joint_members.filter((x) => x.council_id === councilId).map((x) => x.name),
        ),
        minutes: `围绕${topic}，联合会成员单位议事协商，形成决议。`,
      });
      const decisionId = rows.joint_decisions.length + 1;
      rows.joint_decisions.push({ id: decisionId, meeting_id: meetingId, text: decision });
      if (m < projects)
        project(rows, { councilId, decisionId, title: decision, heldBack, memberIds, r, day, openIndexes });
      else
        rows.joint_list_items.push({
          id: rows.joint_list_items.length + 1,
          council_id: councilId,
          list: "needs",
          member_id: null,
          title: topic,
        });
    }
  });
  const street = streets.find((s) => s.name === ALLIANCE_STREET_NAME);
  if (!street) return;
  const allianceId = rows.joint_councils.length + 1;
  rows.joint_councils.push({
    id: allianceId,
    kind: "alliance",
    name: `${street.name}地区党建联盟`,
    region_code: street.code,
    founded_on: day(600),
  });
  for (let n = 1; n <= ALLIANCE_UNITS; n++)
    rows.joint_members.push({
      id: rows.joint_members.length + 1,
      council_id: allianceId,
      kind: n % 10 === 0 ? "social_organisation" : "resident_unit",
      name: `驻地单位党组织${n}号`,
      contact: fullName(r),
      joined_on: day(r.int(300, 600)),
    });
}

function project(
  rows: PartyRows,
  p: {
    councilId: number;
    decisionId: number;
    title: string;
    heldBack: number;
    memberIds: number[];
    r: Random;
    day: (back: number) => CalendarDay;
    openIndexes: Set<number>;
  },
): void {
  const id = rows.joint_projects.length + 1;
  const stays = p.openIndexes.has(id - 1);
  const shelved = stays && id % 3 === 0;
  const closedBack = stays ? null : p.r.int(1, p.heldBack - 14);
  const state = !stays ? "solved" : shelved ? "shelved" : "advancing";
  const owner = p.memberIds[0];
  rows.joint_projects.push({
    id,
    council_id: p.councilId,
    decision_id: p.decisionId,
    title: p.title,
    owner_member_id: owner,
    owner: rows.joint_members[owner - 1].name,
    due_on: p.day(p.heldBack - 90),
    state,
    set_on: p.day(p.heldBack),
    closed_on: closedBack === null ? (shelved ? p.day(1) : null) : p.day(closedBack),
  });
  for (const member_id of p.memberIds.slice(0, 3))
    rows.joint_project_members.push({ project_id: id, member_id });
  const step = (action: Rows<"joint_project_steps">[number]["action"], back: number, note: string) =>
    rows.joint_project_steps.push({ project_id: id, action, note, on_date: p.day(back) });
  step("set", p.heldBack, p.title);
  step("advance", p.heldBack - 7, "");
  step("report", p.heldBack - 10, "成员单位已对接，正在实施");
  if (state === "solved") step("solve", closedBack as number, "问题已解决，群众满意");
  if (state === "shelved") step("shelve", 1, "资金暂未落实，待下一年度");
}
