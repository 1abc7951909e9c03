import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { ServiceField, ServiceMaterial } from "../modules/services/definition.js";

interface DemoService {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  fields: ServiceField[];
  materials: ServiceMaterial[];
  reviewLevels: ("community" | "street")[];
  timeLimitDays: number;
  resultKind: "document" | "appointment" | "approval";
}

const text = (key: string, label: string, labelEn: string, required = true): ServiceField => ({
  key,
  label,
  labelEn,
  type: "text",
  required,
});
const date = (key: string, label: string, labelEn: string): ServiceField => ({
  key,
  label,
  labelEn,
  type: "date",
  required: true,
});
const photo = (key: string, label: string, labelEn: string, pdf = false): ServiceMaterial => ({
  key,
  label,
  labelEn,
  required: true,
  pdf,
});
const ID_CARD = photo("id_card", "身份证照片", "Photo of the ID card");
const HUKOU = photo("hukou", "户口簿照片", "Photo of the household register", true);

/** The 智慧云社区 services of the source report (生育, 社保, 孕检 …) as an administrator would configure them. */
export const DEMO_SERVICES: DemoService[] = [
  {
    code: "birth_registration",
    name: "生育登记",
    nameEn: "Birth registration",
    description: "一孩、二孩、三孩生育登记，办结后发放登记凭证",
    fields: [
      text("spouse_name", "配偶姓名", "Spouse's name"),
      {
        key: "child_order",
        label: "本次生育孩次",
        labelEn: "Which child",
        type: "choice",
        required: true,
        options: ["一孩", "二孩", "三孩"],
      },
      date("due_date", "预产期", "Expected due date"),
    ],
    materials: [ID_CARD, photo("marriage", "结婚证照片", "Photo of the marriage certificate", true)],
    reviewLevels: ["community"],
    timeLimitDays: 3,
    resultKind: "document",
  },
  {
    code: "pension_certification",
    name: "社保待遇资格认证",
    nameEn: "Pension eligibility certification",
    description: "养老金领取人员年度资格认证",
    fields: [text("social_security_no", "社保卡号", "Social security card number")],
    materials: [ID_CARD, photo("portrait", "本人近期照片", "A recent photo of the pensioner")],
    reviewLevels: ["community"],
    timeLimitDays: 5,
    resultKind: "approval",
  },
  {
    code: "prenatal_appointment",
    name: "孕检预约",
    nameEn: "Prenatal check-up appointment",
    description: "预约社区卫生服务中心免费孕前优生检查",
    fields: [date("preferred_day", "希望检查日期", "Preferred day"), text("notes", "备注", "Notes", false)],
    materials: [ID_CARD],
    reviewLevels: ["community"],
    timeLimitDays: 2,
    resultKind: "appointment",
  },
  {
    code: "senior_card",
    name: "老年证办理",
    nameEn: "Senior citizen card",
    description: "60周岁以上本区户籍老人办理老年优待证",
    fields: [date("birth_date", "出生日期", "Date of birth")],
    materials: [ID_CARD, photo("portrait", "一寸证件照", "Passport-size photo")],
    reviewLevels: ["community", "street"],
    timeLimitDays: 10,
    resultKind: "document",
  },
  {
    code: "residence_certificate",
    name: "居住证明",
    nameEn: "Certificate of residence",
    description: "开具在本社区实际居住的证明",
    fields: [
      text("address", "居住地址", "Address"),
      { key: "years", label: "居住年限（年）", labelEn: "Years lived here", type: "number", required: true },
      text("purpose", "用途", "Purpose"),
    ],
    materials: [ID_CARD, photo("lease", "租赁合同或房产证", "Lease or title deed", true)],
    reviewLevels: ["community"],
    timeLimitDays: 3,
    resultKind: "document",
  },
  {
    code: "subsistence_aid",
    name: "低保/临时救助申请",
    nameEn: "Subsistence allowance / emergency aid",
    description: "最低生活保障及临时救助申请，社区初审、街道审核",
    fields: [
      { key: "household_size", label: "家庭人口", labelEn: "Household size", type: "number", required: true },
      {
        key: "monthly_income",
        label: "家庭月收入（元）",
        labelEn: "Household monthly income (yuan)",
        type: "number",
        required: true,
      },
      {
        key: "kind",
        label: "申请类别",
        labelEn: "Kind",
        type: "choice",
        required: true,
        options: ["低保", "临时救助"],
      },
      text("reason", "申请理由", "Reason"),
    ],
    materials: [ID_CARD, HUKOU, photo("income_proof", "收入证明", "Proof of income", true)],
    reviewLevels: ["community", "street"],
    timeLimitDays: 20,
    resultKind: "approval",
  },
  {
    code: "disability_allowance",
    name: "残疾人两项补贴",
    nameEn: "Disability allowances",
    description: "困难残疾人生活补贴和重度残疾人护理补贴",
    fields: [
      text("disability_card_no", "残疾证号", "Disability card number"),
      {
        key: "grade",
        label: "残疾等级",
        labelEn: "Grade",
        type: "choice",
        required: true,
        options: ["一级", "二级", "三级", "四级"],
      },
    ],
    materials: [ID_CARD, photo("disability_card", "残疾证照片", "Photo of the disability card", true)],
    reviewLevels: ["community", "street"],
    timeLimitDays: 15,
    resultKind: "approval",
  },
  {
    code: "venue_booking",
    name: "活动场地预约",
    nameEn: "Community venue booking",
    description: "预约社区党群服务中心活动室",
    fields: [
      date("day", "使用日期", "Day"),
      {
        key: "slot",
        label: "时段",
        labelEn: "Time slot",
        type: "choice",
        required: true,
        options: ["上午", "下午", "晚上"],
      },
      { key: "people", label: "人数", labelEn: "People", type: "number", required: true },
      text("activity", "活动内容", "Activity"),
    ],
    materials: [],
    reviewLevels: ["community"],
    timeLimitDays: 2,
    resultKind: "appointment",
  },
];

/** The demo services, offered in every community; nothing when services exist already. */
export async function seedDemoServices(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const existing = await db.selectFrom("community_services").select("id").limit(1).executeTakeFirst();
  if (existing) return 0;
  const communities = await db
    .selectFrom("regions")
    .select("code")
    .where("level", "=", "community")
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const service of DEMO_SERVICES) {
      const row = await trx
        .insertInto("community_services")
        .values({
          code: service.code,
          name: service.name,
          name_en: service.nameEn,
          description: service.description,
          fields: JSON.stringify(service.fields),
          materials: JSON.stringify(service.materials),
          review_levels: JSON.stringify(service.reviewLevels),
          time_limit_days: service.timeLimitDays,
          result_kind: service.resultKind,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (communities.length > 0)
        await trx
          .insertInto("community_service_regions")
          .values(communities.map((c) => ({ service_id: row.id, region_code: c.code })))
          .execute();
    }
  });
  return DEMO_SERVICES.length;
}
