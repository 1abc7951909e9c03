import { execFileSync } from "node:child_process";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { addSheet, type SheetSpec, writeWorkbook } from "../src/modules/ledgers/excel.js";
import type { OrderLine } from "../src/modules/ledgers/repository.js";
import { orderSheet } from "../src/modules/ledgers/sheets.js";
import { RegionDirectory } from "../src/modules/regions/directory.js";
import { seedReferenceData } from "../src/seed/reference.js";

const ROWS = 100_000;
const PAGE = 5_000;
const MODES = ["in-memory", "streaming"] as const;
type Mode = (typeof MODES)[number];

/**
 * The biggest export, a 100,000-row ledger (the export limit), written the old way (every row read
 * at once into an in-memory workbook, then `writeBuffer`) and the new way (rows read 5,000 at a time
 * and committed through exceljs's streaming writer into the response). The rows are synthetic
 * OrderLines through the real ledger sheet; the bytes go to a sink that counts them. Each mode runs
 * in a fresh process, so its peak RSS is its own. `node --import tsx bench/excel-export.ts`.
 */
async function main(): Promise<void> {
  const mode = process.argv[2] as Mode | undefined;
  if (mode) return measure(mode);
  for (const each of MODES) {
    const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), each], {
      encoding: "utf8",
    });
    process.stdout.write(out);
  }
}

async function measure(mode: Mode): Promise<void> {
  const database = await openDatabase({ dataDir: "memory://" });
  await migrateToLatest(database.db);
  await seedReferenceData(database.db);
  const regions = await RegionDirectory.load(database.db);
  const grids = (
    await database.db.selectFrom("regions").select("code").where("level", "=", "grid").execute()
  ).map((r) => r.code);
  await database.close();
  const sheet = orderSheet(regions, "一般问题台账");
  global.gc?.();
  const baseline = process.memoryUsage();
  const peak = { rss: baseline.rss, heapUsed: baseline.heapUsed };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  }, 10);
  const sink = countingSink();
  const started = performance.now();
  if (mode === "in-memory") await inMemory(sheet, grids, sink.stream);
  else await writeWorkbook(sink.stream, (workbook) => addSheet(workbook, sheet, pages(grids)));
  const ms = performance.now() - started;
  clearInterval(sampler);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `${mode.padEnd(10)} ${ROWS} rows: ${(ms / 1000).toFixed(1)} s, peak RSS ${mb(peak.rss)} MB ` +
      `(+${mb(peak.rss - baseline.rss)} MB), peak heapUsed ${mb(peak.heapUsed)} MB ` +
      `(+${mb(peak.heapUsed - baseline.heapUsed)} MB), file ${(sink.bytes() / 1024 / 1024).toFixed(1)} MB`,
  );
}

/** What the exports did before: read every row, build the workbook in memory, then write one buffer. */
async function inMemory(spec: SheetSpec<OrderLine>, grids: string[], out: Writable): Promise<void> {
  const rows = Array.from({ length: ROWS }, (_, i) => orderLine(i, grids));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "民呼我行 Minhu";
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = spec.columns.map((column) => ({
    header: column.header,
    width: column.width ?? Math.max(10, column.header.length * 2 + 2),
    ...(column.wrap ? { style: { alignment: { wrapText: true, vertical: "top" as const } } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((column, index) => {
    if (column.meaning) header.getCell(index + 1).note = column.meaning;
  });
  for (const row of rows) sheet.addRow(spec.columns.map((column) => column.value(row) ?? "—"));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await new Promise<void>((resolve) => out.end(buffer, resolve));
}

/** The rows as the streaming export reads them from the database, a page at a time. */
async function* pages(grids: string[]): AsyncGenerator<OrderLine[]> {
  for (let offset = 0; offset < ROWS; offset += PAGE) {
    yield Array.from({ length: PAGE }, (_, i) => orderLine(offset + i, grids));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function orderLine(i: number, grids: string[]): OrderLine {
  const at = new Date(Date.UTC(2026, 10, 1) + i * 20_000);
  const later = (hours: number) => new Date(at.getTime() + hours * 3_600_000);
  return {
    id: String(1_000_000 + i),
    order_no: `BL20261101${String(i).padStart(6, "0")}`,
    channel: "hotline",
    demand_type: "complaint",
    category_code: "0101",
    category_name: "工资纠纷",
    title: `小区楼道堆放杂物影响通行 ${i}`,
    content: `来电人反映：${"小区三号楼二单元楼道内长期堆放纸箱、旧家具等杂物，存在消防隐患，影响居民通行，请相关部门尽快处理。".repeat(2)}`,
    reply_text: i % 3 === 0 ? null : "经核实，已联系物业清理楼道杂物，并张贴消防安全提示，来电人表示认可。",
    address: `碑林区南院门街道粉巷${i % 200}号`,
    region_code: grids[i % grids.length],
    state: "closed",
    ledger: "general",
    unit_name: "碑林区人力资源和社会保障局",
    solved_on_spot: false,
    disposition: "solved",
    created_at: at,
    dispatched_at: later(1),
    handling_due_at: later(72),
    replied_at: later(30),
    closed_at: later(48),
    visit_solved: "solved",
    visit_satisfied: "satisfied",
  } as OrderLine;
}

function countingSink(): { stream: Writable; bytes: () => number } {
  let bytes = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { stream, bytes: () => bytes };
}

await main();
