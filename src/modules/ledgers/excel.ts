import { PassThrough, type Writable } from "node:stream";
import type ExcelJS from "exceljs";
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

/** A workbook being written to the response: sheets and rows leave as they are committed. */
export interface Workbook {
  writer: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Resolves once the client has taken what was written so far (false: it went away). */
  caughtUp(): Promise<boolean>;
}

/** Rows to write: all at once, or page by page as they are read from the database. */
export type SheetRows<T> = readonly T[] | AsyncIterable<readonly T[]>;

/**
 * Writes a sheet with a bold, frozen, filterable header row; null cells read "—". Each row is
 * committed as it is added, and between pages the writer waits for the client, so a large export
 * holds about one page in memory. Returns the row count.
 */
export async function addSheet<T>(
  workbook: Workbook,
  spec: SheetSpec<T>,
  rows: SheetRows<T>,
): Promise<number> {
  const sheet = workbook.writer.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
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
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  let count = 0;
  const pages = Array.isArray(rows) ? [rows as readonly T[]] : (rows as AsyncIterable<readonly T[]>);
  for await (const page of pages) {
    for (const row of page) sheet.addRow(spec.columns.map((column) => column.value(row) ?? MISSING)).commit();
    count += page.length;
    if (!(await workbook.caughtUp())) break;
  }
  sheet.commit();
  return count;
}

/**
 * Streams a workbook as a download. Whatever can refuse the export (scope, size) must be checked
 * before: once this is called the 200 and the headers are sent, so a later failure can only cut the
 * download short. The file name is Chinese, so it goes in `filename*` (RFC 5987, UTF-8
 * percent-encoded); `filename` carries an ASCII fallback for old clients.
 */
export function sendWorkbook(
  reply: FastifyReply,
  fileName: string,
  asciiFallback: string,
  write: (workbook: Workbook) => Promise<unknown>,
) {
  const body = new PassThrough();
  writeWorkbook(body, write).catch((error: Error) => {
    reply.log.error(error, "workbook export failed after its headers were sent");
    body.destroy(error);
  });
  return reply
    .header("content-type", XLSX_MIME)
    .header("content-disposition", contentDisposition(fileName, asciiFallback))
    .header("cache-control", "private, no-store")
    .send(body);
}

/** Writes a workbook credited to Minhu into `out`: `write` adds the sheets. Resolves once the file is complete. */
export async function writeWorkbook(
  out: Writable,
  write: (workbook: Workbook) => Promise<unknown>,
): Promise<void> {
  // Loaded on first use: exceljs alone is a third of the server's start-up imports.
  const { default: excel } = await import("exceljs");
  const writer = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  writer.creator = "民呼我行 Minhu";
  await write({ writer, caughtUp: () => caughtUp(out) });
  await writer.commit();
}

/** Waits while `out` is full; false once it is gone (the client disconnected). */
function caughtUp(out: Writable): Promise<boolean> {
  return new Promise((resolve) => {
    if (out.destroyed) return resolve(false);
    if (!out.writableNeedDrain) return resolve(true);
    const done = () => {
      out.off("drain", done).off("close", done);
      resolve(!out.destroyed);
    };
    out.on("drain", done).on("close", done);
  });
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
