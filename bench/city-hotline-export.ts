import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Gazetteer } from "../src/modules/places/gazetteer.js";
import type { PlaceEntry } from "../src/modules/places/types.js";
import { formatChinaDateTime } from "../src/platform/calendar/china-time.js";
import { Random } from "../src/seed/history/random.js";
import { callerName } from "../src/seed/history/texts.js";

/** The columns of the city platform's work-order export, in its order. */
export const EXPORT_HEADERS = [
  "序号",
  "工单编号",
  "来电时间",
  "来电人",
  "联系电话",
  "诉求类型",
  "诉求内容",
  "诉求地址",
  "所属区县",
  "办理时限",
  "工单状态",
] as const;

const EXAMPLES = new URL("../src/modules/demands/classify/examples.json", import.meta.url);
const PREFIXES = ["", "", "碑林区", "西安市碑林区", "陕西省西安市碑林区", "西安市"];
const RELATIONS = ["附近", "对面", "门口", "旁边", "东侧", "南门", "西边", "斜对面"];
const TYPES = ["投诉", "求助", "咨询", "建议", "举报"];

/**
 * 12345 导出样本 A work-order export as the city platform writes it, with addresses drawn from the
 * district gazetteer's own entries the way callers say them: a compound and building (with units),
 * a road and door number, a building by its compound, a landmark with 附近/对面/南门…, with and
 * without the 省市区 prefix; and, as in a real export, a share that no gazetteer can place (only a
 * street or community named, or nothing usable). Phones are sometimes masked by the platform.
 */
export function generateCityExport(
  gazetteer: Gazetteer,
  count: number,
  seed = 12345,
  drawn: (PlaceEntry | null)[] = [],
): string[][] {
  const r = new Random(seed);
  const texts = (JSON.parse(readFileSync(EXAMPLES, "utf8")) as { text: string }[]).map((e) => e.text);
  const byKind = (kind: string) => gazetteer.entries.filter((e) => e.kind === kind);
  const compounds = byKind("compound");
  const buildings = byKind("building");
  const roads = byKind("road").filter((e) => e.road);
  const landmarks = byKind("landmark");
  const areas = [...byKind("community"), ...byKind("street")];
  const day0 = Date.UTC(2026, 10, 2, 0, 0, 0);
  const rows: string[][] = [[...EXPORT_HEADERS]];
  for (let i = 1; i <= count; i++) {
    const callAt = new Date(day0 + r.int(0, 28 * 24 * 3600) * 1000);
    const due = new Date(callAt.getTime() + r.pick([1, 3, 5, 7, 15]) * 24 * 3600_000);
    const phone = `1${r.pick(["39", "37", "58", "86", "33", "99"])}${String(r.int(0, 99_999_999)).padStart(8, "0")}`;
    rows.push([
      String(i),
      `SX12345-${formatChinaDateTime(callAt).slice(0, 10).replaceAll("-", "")}-${String(i).padStart(6, "0")}`,
      formatChinaDateTime(callAt),
      callerName(r),
      r.chance(0.1) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone,
      r.pick(TYPES),
      r.pick(texts),
      address(r, { compounds, buildings, roads, landmarks, areas }, drawn),
      "碑林区",
      formatChinaDateTime(due),
      "已派发",
    ]);
  }
  return rows;
}

interface Pools {
  compounds: PlaceEntry[];
  buildings: PlaceEntry[];
  roads: PlaceEntry[];
  landmarks: PlaceEntry[];
  areas: PlaceEntry[];
}

/** Also records in `drawn` the entry the address was made from (null for an area or nothing). */
function address(r: Random, pools: Pools, drawn: (PlaceEntry | null)[]): string {
  const prefix = r.pick(PREFIXES);
  const roll = r.float();
  if (roll < 0.3) {
    const compound = r.pick(pools.compounds);
    drawn.push(compound);
    return `${prefix}${compound.name}${r.int(1, 12)}号楼${r.chance(0.5) ? `${r.int(1, 4)}单元` : ""}`;
  }
  if (roll < 0.45) {
    const building = r.pick(pools.buildings);
    drawn.push(building);
    return `${prefix}${building.compound ?? ""}${building.name}${r.chance(0.4) ? `${r.int(1, 6)}0${r.int(1, 4)}室` : ""}`;
  }
  if (roll < 0.72) {
    const road = r.pick(pools.roads);
    const numbering = road.road as NonNullable<PlaceEntry["road"]>;
    drawn.push(road);
    return `${prefix}${road.name}${r.int(numbering.from, numbering.to)}号`;
  }
  if (roll < 0.96) {
    const landmark = r.pick(pools.landmarks);
    drawn.push(landmark);
    return `${prefix}${landmark.name}${r.pick(RELATIONS)}`;
  }
  // As in real exports: only an area, or nothing a gazetteer can use.
  drawn.push(null);
  return r.chance(0.6)
    ? `${prefix}${r.pick(pools.areas).name}`
    : r.pick(["不详", "来电人不愿透露", "家附近"]);
}

/** The rows as an .xlsx file, written by exceljs's streaming writer like a large platform export. */
export async function exportXlsx(rows: string[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { Writable } = await import("node:stream");
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
  const sheet = workbook.addWorksheet("工单列表");
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
