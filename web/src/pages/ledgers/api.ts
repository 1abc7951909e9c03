import { apiRequest } from "../../api/client";
import { queryString } from "../../api/query";
import type { ApiBody } from "../../api/types";
import type { OrderState } from "../../components/orders";

export const LEDGER_BOOKS = ["general", "difficult", "common", "suggestion"] as const;
export const LIST_BOOKS = ["visits", "problems", "solved", "rules"] as const;
export type Ledger = (typeof LEDGER_BOOKS)[number];
export type BookName = (typeof LEDGER_BOOKS)[number] | (typeof LIST_BOOKS)[number];

interface Place {
  code: string;
  street: string | null;
  community: string | null;
  grid: string | null;
}

/** A demand in a ledger, the 问题清单 or the 解决清单. */
export interface OrderLine {
  id: string;
  orderNo: string;
  channel: string;
  ledger: Ledger;
  type: string;
  category: { code: string; name: string | null } | null;
  title: string;
  region: Place;
  state: OrderState;
  unitName: string | null;
  solvedOnSpot: boolean;
  createdAt: string;
}

/** A 走访清单 entry. */
export interface FieldVisitLine {
  id: string;
  visitedOn: string;
  visitorName: string | null;
  region: Place;
  households: number | null;
  /** 民情日记 or 社区工作日; null for a visit recorded with an order. */
  source: "diary" | "work_day" | null;
  summary: string;
}

/** A 制度清单 entry. */
export interface RuleLine {
  id: string;
  title: string;
  regionName: string | null;
  adoptedOn: string | null;
  orderCount: number;
}

export type BookRow = OrderLine | FieldVisitLine | RuleLine;

/** A 制度清单 entry as written: POST /api/rules and PUT /api/rules/:id. */
export type RuleInput = ApiBody<"/api/rules">;
/** A 制度清单 entry with its linked demands: GET /api/rules/:id. */
export interface RuleDetail extends RuleLine {
  content: string;
  regionCode: string;
  category: { code: string; name: string | null } | null;
  orders: { id: string; orderNo: string; title: string }[];
}

const isLedger = (book: BookName) => (LEDGER_BOOKS as readonly string[]).includes(book);

/** GET /api/ledgers/:ledger and /api/lists/:list, and their Excel exports. */
export const ledgersApi = {
  page: (book: BookName, query: { period: string; page: number; pageSize: number }, signal?: AbortSignal) =>
    apiRequest<{ total: number; items: BookRow[] }>(
      `/api/${isLedger(book) ? "ledgers" : "lists"}/${book}${queryString(query)}`,
      { signal },
    ),
  /** 调整台账: files the order in another ledger, with the reason in its history. */
  refile: (orderId: string, ledger: Ledger, note: string) =>
    apiRequest<{ id: string; ledger: Ledger; changed: boolean }>(
      `/api/orders/${encodeURIComponent(orderId)}/ledger`,
      { method: "PUT", body: { ledger, note } },
    ),
  rule: (id: string, signal?: AbortSignal) =>
    apiRequest<RuleDetail>(`/api/rules/${encodeURIComponent(id)}`, { signal }),
  saveRule: (id: string | null, body: RuleInput) =>
    id === null
      ? apiRequest<RuleDetail>("/api/rules", { method: "POST", body })
      : apiRequest<RuleDetail>(`/api/rules/${encodeURIComponent(id)}`, { method: "PUT", body }),
  exportUrl: (book: BookName, period: string) =>
    `/api/${isLedger(book) ? "ledgers" : "lists"}/${book}/export.xlsx${queryString({ period })}`,
};
