import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { chinaDate, chinaMsOfDay, MS_PER_MINUTE } from "../../platform/calendar/china-time.js";

/** One column of a sheet: a Chinese header, what it means (shown as the header cell's note), its value. */
export interface Column<T> {
  header: string;
  meaning?: string;
  width?: number;
  /** Long text (诉求内容, 答复内容) wraps inside its column instead of running across the sheet. */
  wrap?: boolean;
  value: (row: T) => string | number | null;
}

/** A sheet: its (Chinese) name and columns. */
export interface SheetSpec<T> {
  name: string;
  columns: readonly Column<T>[];
}

/** What a missing value or a rate without denominator reads as. */
const MISSING = "—";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Adds a sheet with a bold, frozen, filterable header row; null cells read "—". */
export function addSheet<T>(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec<T>,
  rows: readonly T[],
): ExcelJS.Worksheet {
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
  for (const row of rows) sheet.addRow(spec.columns.map((column) => column.value(row) ?? MISSING));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  return sheet;
}

/** A new workbook credited to Minhu. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "民呼我行 Minhu";
  return workbook;
}

/**
 * Sends a workbook as a download. The file name is Chinese, so it goes in `filename*` (RFC 5987,
 * UTF-8 percent-encoded); `filename` carries an ASCII fallback for old clients.
 */
export async function sendWorkbook(
  reply: FastifyReply,
  workbook: ExcelJS.Workbook,
  fileName: string,
  asciiFallback: string,
) {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return reply
    .header("content-type", XLSX_MIME)
    .header("content-disposition", contentDisposition(fileName, asciiFallback))
    .header("cache-control", "private, no-store")
    .send(buffer);
}

/** `attachment; filename="fallback"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding). */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encoded}`;
}

/** "YYYY-MM-DD HH:mm" in China time, whatever the server's time zone; null stays null. */
export function chinaDateTimeText(instant: Date | null): string | null {
  if (!instant) return null;
  const minutes = Math.floor(chinaMsOfDay(instant) / MS_PER_MINUTE);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${chinaDate(instant)} ${hh}:${mm}`;
}
