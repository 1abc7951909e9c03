import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type ExcelJS from "exceljs";
import { fail } from "../../platform/errors.js";

export type CityFileFormat = "xlsx" | "csv";

/** The format by file name (or content: XLSX is a ZIP); UNSUPPORTED_FILE otherwise. */
export function formatOf(fileName: string, content: Buffer): CityFileFormat {
  if (content.subarray(0, 2).toString("latin1") === "PK") return "xlsx";
  if (/\.(csv|txt)$/i.test(fileName)) return "csv";
  throw fail("UNSUPPORTED_FILE", { type: fileName.split(".").pop() ?? "?" });
}

/**
 * The rows of an export as text cells, header first: the first sheet of an XLSX, or a CSV (UTF-8 with or without BOM, or GB18030 as older exports are written).
 */
export async function readRows(content: Buffer, format: CityFileFormat): Promise<string[][]> {
  return format === "xlsx" ? readXlsx(content) : readCsv(content);
}

/**
 * exceljs 4.4's streaming reader (stream.xlsx.WorkbookReader) decodes each inflated chunk on its own
 * and garbles a Chinese character split across two chunks (2 of 240 generated rows came out with
 * "��" in a test); its whole-file reader decodes each part at once, so that is the one used. A
 * 10,000-row export is about 1 MB; the rows are held in memory either way to report progress.
 */
async function readXlsx(content: Buffer): Promise<string[][]> {
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(values.slice(1).map(textOf));
  });
  return rows.filter((cells) => cells.some((c) => c !== ""));
}

/** A cell as the platform meant it: dates in China time, rich text joined, formulas by result. */
function textOf(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel dates carry no zone: exceljs reads the wall clock as UTC.
    return value.toISOString().slice(0, 19).replace("T", " ");
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return textOf(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value);
}

async function readCsv(content: Buffer): Promise<string[][]> {
  const text = decode(content);
  const rows: string[][] = [];
  const parser = Readable.from([text]).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
  );
  for await (const record of parser) rows.push(record as string[]);
  return rows;
}

function decode(content: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return new TextDecoder("gb18030").decode(content);
  }
}
