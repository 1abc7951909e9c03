import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { fail } from "../../platform/errors.js";
import type { RegionDirectory } from "../regions/directory.js";
import { addSheet, type SheetSpec, type Workbook } from "./excel.js";
import { LEDGERS, type Ledger } from "./labels.js";
import { type BookFilter, type Page, pageFieldVisits, pageOrders, pageRules } from "./repository.js";
import {
  fieldVisitSheet,
  ledgerTitle,
  orderSheet,
  presentFieldVisit,
  presentOrderLine,
  presentRule,
  ruleSheet,
} from "./sheets.js";

/** An export holds at most this many rows: a larger one is refused and must be narrowed. */
const EXPORT_LIMIT = 100_000;
/** Rows read from the database at a time while an export streams. */
const EXPORT_PAGE = 5_000;

/** 四张清单: 走访清单, 问题清单, 解决清单, 制度清单. */
export const LISTS = ["visits", "problems", "solved", "rules"] as const;
export type ListName = (typeof LISTS)[number];

/** A ledger or list as the routes use it: a paged JSON list and a sheet for the export. */
export interface Book {
  /** zh-CN title, used for the sheet and the file name. */
  title: string;
  /** ASCII name for the file-name fallback. */
  slug: string;
  list(
    db: Kysely<DB>,
    regions: RegionDirectory,
    filter: BookFilter,
    page: Page,
  ): Promise<{ total: number; items: unknown[] }>;
  /**
   * Checks an export's size first (PAYLOAD_TOO_LARGE beyond EXPORT_LIMIT rows, while an error can
   * still be answered), then hands back what writes the book's sheet, page by page; it returns the row count.
   */
  exportSheet(
    db: Kysely<DB>,
    regions: RegionDirectory,
    filter: BookFilter,
  ): Promise<(workbook: Workbook) => Promise<number>>;
}

interface BookSpec<T> {
  title: string;
  slug: string;
  fetch(db: Kysely<DB>, filter: BookFilter, page: Page): Promise<{ total: number; rows: T[] }>;
  present(regions: RegionDirectory, row: T): unknown;
  sheet(regions: RegionDirectory, title: string): SheetSpec<T>;
}

/** Binds a book's row type to its query, presenter and sheet, so the routes need not know it. */
function defineBook<T>(spec: BookSpec<T>): Book {
  return {
    title: spec.title,
    slug: spec.slug,
    async list(db, regions, filter, page) {
      const { total, rows } = await spec.fetch(db, filter, page);
      return { total, items: rows.map((row) => spec.present(regions, row)) };
    },
    async exportSheet(db, regions, filter) {
      const { total } = await spec.fetch(db, filter, { limit: 0, offset: 0 });
      if (total > EXPORT_LIMIT)
        throw fail("PAYLOAD_TOO_LARGE", {
          limit: `${EXPORT_LIMIT} 行 rows, ${total} found; narrow the period or region`,
        });
      return (workbook) => addSheet(workbook, spec.sheet(regions, spec.title), pages(spec, db, filter));
    },
  };
}

/** A book's rows in the order of its list, EXPORT_PAGE at a time, at most EXPORT_LIMIT. */
async function* pages<T>(spec: BookSpec<T>, db: Kysely<DB>, filter: BookFilter): AsyncGenerator<T[]> {
  for (let offset = 0; offset < EXPORT_LIMIT; offset += EXPORT_PAGE) {
    const limit = Math.min(EXPORT_PAGE, EXPORT_LIMIT - offset);
    const { rows } = await spec.fetch(db, filter, { limit, offset });
    yield rows;
    if (rows.length < limit) return;
  }
}

/** One of the 四本台账: orders registered in the period and filed in that ledger. */
function ledgerBook(ledger: Ledger): Book {
  return defineBook({
    title: ledgerTitle(ledger),
    slug: `ledger-${ledger}`,
    fetch: (db, filter, page) => pageOrders(db, { kind: "ledger", ledger }, filter, page),
    present: presentOrderLine,
    sheet: orderSheet,
  });
}

export const LEDGER_BOOKS = Object.fromEntries(
  LEDGERS.map((ledger) => [ledger, ledgerBook(ledger)]),
) as Record<Ledger, Book>;

/** The 四张清单. */
export const LIST_BOOKS: Record<ListName, Book> = {
  visits: defineBook({
    title: "走访清单",
    slug: "list-visits",
    fetch: pageFieldVisits,
    present: presentFieldVisit,
    sheet: (regions) => fieldVisitSheet(regions),
  }),
  problems: defineBook({
    title: "问题清单",
    slug: "list-problems",
    fetch: (db, filter, page) => pageOrders(db, { kind: "problems" }, filter, page),
    present: presentOrderLine,
    sheet: orderSheet,
  }),
  solved: defineBook({
    title: "解决清单",
    slug: "list-solved",
    fetch: (db, filter, page) => pageOrders(db, { kind: "solved" }, filter, page),
    present: presentOrderLine,
    sheet: orderSheet,
  }),
  rules: defineBook({
    title: "制度清单",
    slug: "list-rules",
    fetch: pageRules,
    present: presentRule,
    sheet: (regions) => ruleSheet(regions),
  }),
};
