import type { Insertable } from "kysely";
import type { DB } from "../../db/schema.js";
import { addDays, type CalendarDay } from "../../platform/calendar/days.js";
import { Random } from "../history/random.js";
import { fullName } from "../history/texts.js";

/** The source's counts (碑林区): 98 leaders each linked to one community, 365 urgent problems coordinated, 2,600+ solved. */
export const FIELDWORK_COUNTS = { leaders: 98, coordinated: 365, solved: 2612, months: 12 } as const;

type Rows<T extends keyof DB> = Insertable<DB[T]>[];
export interface FieldworkRows {
  monthly_topics: Rows<"monthly_topics">;
  field_links: Rows<"field_links">;
  field_visits: Rows<"field_visits">;
  work_days: Rows<"work_days">;
  visit_campaigns: Rows<"visit_campaigns">;
  visit_campaign_targets: Rows<"visit_campaign_targets">;
  diary_entries: Rows<"diary_entries">;
}

export interface FieldworkFrame {
  districtCode: string;
  /** Leaders' user ids, in the order they are linked to the communities. */
  leaders: { id: number; communityCode: string }[];
  /** Every grid with the grid worker who keeps its diary and the buildings in it. */
  grids: { code: string; workerId: number; buildings: { id: number; name: string }[] }[];
  /** The first id the field visits may take (they are referenced by work days and diary entries). */
  firstVisitId: number;
}

const TOPICS = [
  "老旧小区水电气改造",
  "背街小巷环境整治",
  "小区停车难",
  "电动车充电安全",
  "居家养老服务",
  "物业服务质量",
  "冬季供暖保障",
  "垃圾分类投放",
  "加装电梯",
  "欠薪与就业帮扶",
  "道路破损修复",
  "噪音扰民治理",
] as const;
const PLACES = ["小区院落", "社区服务站", "老旧楼院", "背街小巷", "农贸市场", "社区养老驿站", "物业办公室"];
const PEOPLE = ["社区书记", "网格员", "楼栋长", "物业经理", "业委会主任", "居民代表", "党员中心户"];
const HEARD = [
  ["楼道灯坏了一个多月，老人晚上上下楼不方便", "worried"],
  ["希望小区增设电动车充电桩", "neutral"],
  ["对近期垃圾清运及时表示满意", "content"],
  ["楼上漏水多次协调未果", "upset"],
  ["独居老人希望有人定期上门探望", "worried"],
  ["小区门口道路坑洼，雨天积水", "upset"],
  ["对网格员上门服务表示感谢", "content"],
  ["暖气不热，室温偏低", "upset"],
] as const;

/**
 * The demo field work: the 12 months' topics (每月一题), each leader linked to one community and working
 * there one day a month on the topic, with the urgent problems coordinated and problems solved spread
 * over those days to the source's totals; the first grid worker of each grid keeps a diary (four
 * entries, the last in the winter 大走访 that runs district-wide this month). Every work day and diary
 * entry is a field visit of the 走访清单. Topics and campaigns carry explicit ids from 1.
 */
export function generateFieldwork(frame: FieldworkFrame, today: CalendarDay, seed = 610103): FieldworkRows {
  const r = new Random(seed).fork("fieldwork");
  const rows: FieldworkRows = {
    monthly_topics: [],
    field_links: [],
    field_visits: [],
    work_days: [],
    visit_campaigns: [],
    visit_campaign_targets: [],
    diary_entries: [],
  };
  const months: { month: string; topicId: number }[] = [];
  for (let back = FIELDWORK_COUNTS.months - 1; back >= 0; back--) {
    const month = monthBack(today, back);
    const id = rows.monthly_topics.length + 1;
    rows.monthly_topics.push({
      id,
      region_code: frame.districtCode,
      month,
      title: TOPICS[(id - 1) % TOPICS.length],
    });
    months.push({ month, topicId: id });
  }
  const visit = (row: Omit<Rows<"field_visits">[number], "id">) => {
    const id = String(frame.firstVisitId + rows.field_visits.length);
    rows.field_visits.push({ id, ...row });
    return id;
  };
  const linkedSince = addDays(today, -400);
  for (const leader of frame.leaders) {
    rows.field_links.push({
      user_id: leader.id,
      kind: "leader_community",
      region_code: leader.communityCode,
      since: linkedSince,
    });
    for (const { month, topicId } of months) {
      const worked = workDayOf(month, r.int(3, 24), today);
      const places = `${r.pick(PLACES)}、${r.pick(PLACES)}`;
      rows.work_days.push({
        leader_id: leader.id,
        region_code: leader.communityCode,
        worked_on: worked,
        topic_id: topicId,
        places,
        people: `${r.pick(PEOPLE)}${fullName(r)}、${r.pick(PEOPLE)}${fullName(r)}`,
        problems: "",
        cases_coordinated: 0,
        problems_solved: 0,
        field_visit_id: visit({
          visitor_id: leader.id,
          region_code: leader.communityCode,
          visited_on: worked,
          households: r.int(3, 12),
          summary: places,
        }),
      });
    }
  }
  // 365 urgent problems coordinated and 2,612 solved, spread over the days (a day may have none).
  for (let n = 0; n < FIELDWORK_COUNTS.coordinated; n++) {
    const day = r.pick(rows.work_days);
    day.cases_coordinated = (day.cases_coordinated ?? 0) + 1;
    day.problems = `协调解决急难问题${day.cases_coordinated}件（${TOPICS[(Number(day.topic_id) - 1) % TOPICS.length]}）`;
  }
  for (let n = 0; n < FIELDWORK_COUNTS.solved; n++) {
    const day = r.pick(rows.work_days);
    day.problems_solved = (day.problems_solved ?? 0) + 1;
  }
  const campaignStart = addDays(today, -20);
  rows.visit_campaigns.push({
    id: 1,
    region_code: frame.districtCode,
    name: `${today.slice(0, 4)}年冬季大走访`,
    starts_on: campaignStart,
    ends_on: addDays(today, 40),
  });
  for (const grid of frame.grids) {
    rows.visit_campaign_targets.push({
      campaign_id: 1,
      grid_code: grid.code,
      households: r.int(120, 260),
      buildings: Math.max(1, grid.buildings.length),
    });
    for (let n = 0; n < 4; n++) {
      const inCampaign = n === 3;
      const written = inCampaign ? addDays(campaignStart, r.int(0, 19)) : addDays(today, -r.int(25, 300));
      const building = grid.buildings.length > 0 ? r.pick(grid.buildings) : null;
      const household = `${building?.name ?? "网格内"}${r.int(1, 6)}单元${r.int(1, 18)}0${r.int(1, 4)}室`;
      const [heard, mood] = r.pick(HEARD);
      rows.diary_entries.push({
        author_id: grid.workerId,
        region_code: grid.code,
        written_on: written,
        household,
        place_id: building?.id ?? null,
        heard,
        mood,
        follow_up: mood === "content" ? "" : "下次走访时回访",
        campaign_id: inCampaign ? 1 : null,
        field_visit_id: visit({
          visitor_id: grid.workerId,
          region_code: grid.code,
          visited_on: written,
          households: 1,
          summary: `${household}；${heard}`,
        }),
      });
    }
  }
  return rows;
}

/** "YYYY-MM" of the month `back` months before today's. */
function monthBack(today: CalendarDay, back: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The day of the month's work day, never after today (this month's may not have come yet: then today). */
function workDayOf(month: string, dayOfMonth: number, today: CalendarDay): CalendarDay {
  const day = `${month}-${String(dayOfMonth).padStart(2, "0")}`;
  return day > today ? today : day;
}
