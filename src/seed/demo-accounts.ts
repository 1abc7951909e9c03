import type { Kysely } from "kysely";
import type { DB, Role } from "../db/schema.js";
import { hashPassword } from "../modules/accounts/passwords.js";
import { insertUsers, type NewUser } from "../modules/accounts/repository.js";
import { mulberry32 } from "../modules/regions/geometry/prng.js";
import type { PhoneVault } from "../platform/privacy/phone.js";

export const DEMO_PASSWORD = "minhu-demo";

/** A named demo account listed in the README, one or more per role. */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  region?: "district" | "street" | "community" | "grid";
  unitCode?: string;
}

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅玉兰晓东小红文博思远子涵雨萱浩然梓轩欣怡";

/**
 * The accounts of the demo listed in the README, one or more per role, and a handler for every unit,
 * all with the demo password (hashed once). The grid workers come apart (`seedDemoGridWorkers`): a
 * first start seeds them in the background, after the server answers.
 */
export async function seedDemoAccounts(db: Kysely<DB>, vault: PhoneVault): Promise<{ users: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const streets = await codes(db, "street");
  const communities = await codes(db, "community");
  const grids = await codes(db, "grid");
  const district = (await codes(db, "district"))[0];
  const units = new Map(
    (await db.selectFrom("units").select(["id", "code"]).execute()).map((u) => [u.code, u.id] as const),
  );
  const regionFor = { district, street: streets[0], community: communities[0], grid: grids[0] };
  const named: NewUser[] = DEMO_ACCOUNTS.map((a, i) => ({
    username: a.username,
    phoneCipher: vault.encrypt(demoPhone(i)),
    phoneHash: vault.lookupHash(demoPhone(i)),
    displayName: a.displayName,
    passwordHash,
    role: a.role,
    regionCode: a.region ? regionFor[a.region] : null,
    unitId: a.unitCode ? (units.get(resolveUnitCode(a.unitCode, streets[0], communities[0])) ?? null) : null,
  }));
  const handlers: NewUser[] = [...units.keys()]
    .filter((code) => !named.some((u) => u.username === `${code}-handler`))
    .map((code) => ({
      username: `${code}-handler`,
      displayName: `${code} 承办人`,
      passwordHash,
      role: "unit_handler",
      regionCode: null,
      unitId: units.get(code) ?? null,
    }));
  await insertUsers(db, [...named, ...handlers]);
  return { users: named.length + handlers.length };
}

/**
 * 网格员: 5–7 grid workers per grid, as the seed's 2,298 for 383 grids, with the demo password;
 * nothing when they exist already. Returns the accounts added.
 */
export async function seedDemoGridWorkers(db: Kysely<DB>, vault: PhoneVault): Promise<number> {
  const seeded = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", "gw001-1")
    .executeTakeFirst();
  if (seeded) return 0;
  const workers = gridWorkers(await codes(db, "grid"), await hashPassword(DEMO_PASSWORD), vault);
  await insertUsers(db, workers);
  return workers.length;
}

/** 138 0000 00NN: recognisable as demo numbers. */
const demoPhone = (index: number) => `1380000${String(index).padStart(4, "0")}`;

async function codes(db: Kysely<DB>, level: "district" | "street" | "community" | "grid"): Promise<string[]> {
  const rows = await db
    .selectFrom("regions")
    .select("code")
    .where("level", "=", level)
    .orderBy("code")
    .execute();
  return rows.map((r) => r.code);
}

function resolveUnitCode(code: string, street: string, community: string): string {
  return code.replace("{street}", street).replace("{community}", community);
}

/** 网格员: 5–7 per grid, deterministic names and phones; usernames gw001-1 … gw383-7. */
function gridWorkers(grids: string[], passwordHash: string, vault: PhoneVault): NewUser[] {
  const random = mulberry32(610103);
  const users: NewUser[] = [];
  grids.forEach((grid, index) => {
    const count = 5 + Math.floor(random() * 3);
    for (let n = 1; n <= count; n++) {
      const phone = `139${String(Math.floor(random() * 1e8)).padStart(8, "0")}`;
      const name = SURNAMES[Math.floor(random() * SURNAMES.length)] + pickGiven(random);
      users.push({
        username: `gw${String(index + 1).padStart(3, "0")}-${n}`,
        displayName: name,
        passwordHash,
        role: "grid_worker",
        regionCode: grid,
        unitId: null,
        phoneCipher: vault.encrypt(phone),
        phoneHash: vault.lookupHash(phone),
      });
    }
  });
  return users;
}

function pickGiven(random: () => number): string {
  const chars = [...GIVEN];
  const first = chars[Math.floor(random() * chars.length)];
  return random() < 0.5 ? first : first + chars[Math.floor(random() * chars.length)];
}

/** The accounts listed in README.md (password: minhu-demo). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "admin", displayName: "系统管理员", role: "admin", region: "district" },
  { username: "operator", displayName: "12345话务员 王敏", role: "operator", region: "district" },
  {
    username: "district-dispatcher",
    displayName: "区指挥中心 派单员 李强",
    role: "dispatcher",
    region: "district",
  },
  {
    username: "street-dispatcher",
    displayName: "街道指挥中心 派单员 张丽",
    role: "dispatcher",
    region: "street",
  },
  {
    username: "community-dispatcher",
    displayName: "社区 派单员 刘洋",
    role: "dispatcher",
    region: "community",
  },
  { username: "street-staff", displayName: "街道工作人员 陈静", role: "staff", region: "street" },
  { username: "community-staff", displayName: "社区工作人员 杨帆", role: "staff", region: "community" },
  { username: "gridworker", displayName: "网格员 赵磊", role: "grid_worker", region: "grid" },
  { username: "cgj-handler", displayName: "城管局 承办人 黄涛", role: "unit_handler", unitCode: "cgj" },
  { username: "zjj-handler", displayName: "住建局 承办人 周娟", role: "unit_handler", unitCode: "zjj" },
  {
    username: "street-office-handler",
    displayName: "街道办 承办人 吴杰",
    role: "unit_handler",
    unitCode: "jd{street}",
  },
  { username: "supervisor", displayName: "督查考核 徐刚", role: "supervisor", region: "district" },
  { username: "leader", displayName: "联系社区领导 孙建国", role: "leader", region: "community" },
  { username: "resident", displayName: "居民 胡玉兰", role: "resident" },
];
