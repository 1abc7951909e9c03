import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { KeyProject, ProjectArea } from "../modules/publishing/rules.js";

type Row = [title: string, area: ProjectArea, owner: string, goal: string, progress: number];

/**
 * The 15 key projects (重点项目) the source report says the district set in 就业、入学、出行、养老 and
 * other livelihood areas and published through 碑林发布. Titles, owners and milestones are demo data.
 */
const PROJECTS: Row[] = [
  [
    "零工市场与社区就业驿站",
    "employment",
    "区人社局",
    "在街道建成零工市场，社区设就业驿站，全年帮助 3000 名居民就业",
    80,
  ],
  ["高校毕业生就业见习基地扩容", "employment", "区人社局", "新增见习岗位 600 个，见习补贴按月发放", 65],
  ["新建扩建中小学和幼儿园", "schooling", "区教育局", "新增学位 2400 个，缓解热点片区入学难", 55],
  ["课后服务全覆盖", "schooling", "区教育局", "全区义务教育学校课后服务全覆盖，家长按需自愿参加", 90],
  ["背街小巷微循环改造", "transport", "区住建局", "打通断头路 6 条，改造背街小巷 40 条", 70],
  ["老旧小区停车位挖潜", "transport", "区城管局", "利用边角地和错时共享新增停车位 3000 个", 60],
  ["公交站台适老化改造", "transport", "区交通局", "改造公交站台 80 处，增设座椅和无障碍坡道", 45],
  ["社区嵌入式养老服务站", "elderly", "区民政局", "每个街道建成 1 个综合养老服务中心，社区设助餐点", 75],
  ["老年助餐点全覆盖", "elderly", "区民政局", "老年助餐点覆盖全部社区，80 岁以上老人就餐补贴", 85],
  ["居家适老化改造", "elderly", "区民政局", "为 500 户困难老年人家庭实施适老化改造", 50],
  ["老旧小区综合改造", "housing", "区住建局", "改造 116 个老旧小区，更新管网、加装电梯、整治环境", 40],
  ["既有住宅加装电梯", "housing", "区住建局", "全年加装电梯 100 部，简化审批流程", 35],
  ["口袋公园和街角绿地", "environment", "区城管局", "新建口袋公园 12 个，增加居民身边的绿色空间", 60],
  ["雨污分流与易涝点整治", "environment", "区水务局", "整治易涝点 15 处，完成重点片区雨污分流", 30],
  ["社区卫生服务中心提质", "health", "区卫健委", "社区卫生服务中心标准化建设，家庭医生签约扩面", 70],
];

function milestones(progress: number) {
  const steps = ["完成立项和方案设计", "开工建设", "主体完工", "验收并投入使用"];
  const months = ["2026-03", "2026-06", "2026-09", "2026-12"];
  return steps.map((title, n) => ({ title, due: months[n], done: progress >= (n + 1) * 25 }));
}

/** The 15 key projects, drafted and published once; nothing when there are publications already. */
export async function seedKeyProjects(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const existing = await db.selectFrom("publications").select("id").limit(1).executeTakeFirst();
  if (existing) return 0;
  // Published when the year's projects were set (mid-January), as the source report's 碑林发布 did.
  const published = new Date(Date.UTC(now.getUTCFullYear(), 0, 15, 2));
  await db.transaction().execute(async (trx) => {
    for (const [title, area, owner, goal, progress] of PROJECTS) {
      const content: KeyProject = {
        title,
        area,
        owner,
        goal,
        progress,
        milestones: milestones(progress),
        photoIds: [],
      };
      const row = await trx
        .insertInto("publications")
        .values({
          kind: "key_project",
          draft: JSON.stringify(content),
          created_at: published,
          updated_at: published,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("publication_versions")
        .values({
          publication_id: row.id,
          version: 1,
          content: JSON.stringify(content),
          visible_from: published,
          created_at: published,
        })
        .execute();
    }
  });
  return PROJECTS.length;
}
