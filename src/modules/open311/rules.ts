/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), no I/O: how our categories read as
 * services, how an order reads as a service request, and what a stranger may see of it.
 */
import { DEMAND_TYPE_NAMES, DEMAND_TYPES, type DemandType } from "../demands/demand-types.js";
import type { OrderState } from "../orders/workflow/lifecycle.js";

export const SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
/** The date this implementation last changed in a way clients see (the discovery's changeset). */
export const CHANGESET = "2026-12-06T00:00:00+08:00";
export const FORMATS = ["json", "xml"] as const;
export type Format = (typeof FORMATS)[number];

/** GET requests: "the default query should return … the last 90 days", at most 1,000 rows. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;

/** The one attribute every service has: the demand type, which sets the time limit. */
export const DEMAND_TYPE_ATTRIBUTE = "demand_type";

const DEMAND_TYPE_NAMES_EN: Readonly<Record<DemandType, string>> = {
  consult: "Enquiry",
  help: "Request for help",
  complaint: "Complaint",
  report: "Report of a violation",
  suggestion: "Suggestion",
  praise: "Praise",
};

export type Language = "zh-CN" | "en-US";

export interface CategoryLine {
  code: string;
  name: string;
  nameEn: string | null;
  parentCode: string | null;
  level: number;
}

/** GET services: every active leaf category is a service; its top-level category is its group. */
export function servicesOf(categories: readonly CategoryLine[], language: Language) {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const named = (c: CategoryLine) => (language === "en-US" && c.nameEn ? c.nameEn : c.name);
  const leaves = categories.filter((c) => !categories.some((child) => child.parentCode === c.code));
  return leaves.map((leaf) => {
    const parent = leaf.parentCode ? byCode.get(leaf.parentCode) : undefined;
    const top = byCode.get(leaf.code.slice(0, 2)) ?? leaf;
    return {
      service_code: leaf.code,
      service_name: named(leaf),
      description: [top, parent, leaf]
        .filter((c, i, all): c is CategoryLine => c !== undefined && all.indexOf(c) === i)
        .map(named)
        .join(" / "),
      metadata: true,
      type: "realtime" as const,
      keywords: [parent, top]
        .filter((c) => c !== undefined)
        .map(named)
        .join(", "),
      group: named(top),
    };
  });
}

/** GET services/{code}: the service's attributes (the optional demand type). */
export function definitionOf(serviceCode: string, language: Language) {
  return {
    service_code: serviceCode,
    attributes: [
      {
        variable: true,
        code: DEMAND_TYPE_ATTRIBUTE,
        datatype: "singlevaluelist" as const,
        required: false,
        datatype_description:
          language === "en-US"
            ? "Sets the time limit; left out, it is read from the description"
            : "决定办理时限；不填则由诉求内容识别",
        order: 1,
        description: language === "en-US" ? "Kind of demand" : "诉求类型",
        values: DEMAND_TYPES.map((key) => ({
          key,
          name: language === "en-US" ? DEMAND_TYPE_NAMES_EN[key] : DEMAND_TYPE_NAMES[key],
        })),
      },
    ],
  };
}

/** An order is closed to Open311 once nothing more will be done on it. */
export function statusOf(state: OrderState | string): "open" | "closed" {
  return state === "closed" || state === "rejected" || state === "merged" ? "closed" : "open";
}

/** The w3 date-time format the spec asks for, in China time (UTC+08:00, no daylight saving). */
export function w3DateTime(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
  return `${china}+08:00`;
}

/** A w3 date-time with its zone (the spec requires one), or null. */
export function parseW3DateTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!match) return null;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return null;
  // Date rolls 2026-02-30 over to March: refuse what does not name a real day.
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (day.getUTCMonth() !== Number(match[2]) - 1 || Number(match[4]) > 23) return null;
  return at;
}

/** What an order holds that a service request may show. */
export interface OrderLine {
  orderNo: string;
  state: string;
  categoryCode: string | null;
  categoryName: string | null;
  content: string;
  replyText: string | null;
  agency: string | null;
  address: string | null;
  area: string | null;
  gridCode: string | null;
  lng: number | null;
  lat: number | null;
  createdAt: Date;
  updatedAt: Date;
  expectedAt: Date | null;
  /** Posted through Open311 with the key that is asking. */
  ownedByClient: boolean;
}

/**
 * A service request. Anyone sees what the district is working on (category, status, who, when, in
 * which community and grid); only the client that posted a request sees its text, exact place and
 * the reply — a resident's words and whereabouts are not published.
 */
export function requestOf(order: OrderLine) {
  const owned = order.ownedByClient;
  return withoutEmpty({
    service_request_id: order.orderNo,
    status: statusOf(order.state),
    status_notes: owned ? order.replyText : null,
    service_name: order.categoryName,
    service_code: order.categoryCode,
    description: owned ? order.content : null,
    agency_responsible: order.agency,
    requested_datetime: w3DateTime(order.createdAt),
    updated_datetime: w3DateTime(order.updatedAt),
    expected_datetime: order.expectedAt ? w3DateTime(order.expectedAt) : null,
    address: owned ? (order.address ?? order.area) : order.area,
    address_id: order.gridCode,
    lat: owned ? order.lat : null,
    long: owned ? order.lng : null,
  });
}

function withoutEmpty<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  ) as Partial<T>;
}

/**
 * An `application/x-www-form-urlencoded` POST body as fields, `attribute[code]=value` gathered into
 * `attribute: {code: value}`. A repeated field is refused rather than one copy silently chosen.
 */
export function formFields(body: string): Record<string, unknown> | string {
  const fields = new Map<string, unknown>();
  const attribute = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(body)) {
    const attributeCode = /^attribute\[([^\]]+)\]$/.exec(key)?.[1];
    const target: Map<string, unknown> = attributeCode ? attribute : fields;
    const name = attributeCode ?? key;
    if (target.has(name)) return `field ${key} is repeated`;
    target.set(name, value);
  }
  if (attribute.size > 0) fields.set("attribute", Object.fromEntries(attribute));
  return Object.fromEntries(fields);
}
