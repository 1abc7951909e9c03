/**
 * Work-order shapes as the server presents them (src/modules/orders/presenter.ts and routes). Shared by
 * every page that lists, shows or acts on orders. Request bodies and queries come from the server's
 * schemas (api/schema.d.ts); answers without a response schema are still described here.
 */

import type { ApiBody, ApiQuery, ApiResponse } from "../../api/types";

export const ORDER_STATES = [
  "registered",
  "accepted",
  "rejected",
  "dispatched",
  "handling",
  "replied",
  "verified",
  "visited",
  "closed",
  "merged",
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** States in which the order still needs someone to act (everything but rejected, closed, merged). */
export const OPEN_STATES: readonly OrderState[] = [
  "registered",
  "accepted",
  "dispatched",
  "handling",
  "replied",
  "verified",
  "visited",
];

export const ORDER_ACTIONS = [
  "accept",
  "reject",
  "escalate",
  "dispatch",
  "solve_on_spot",
  "sign",
  "return",
  "transfer",
  "request_extension",
  "decide_extension",
  "reply",
  "verify",
  "rework",
  "visit",
  "reopen",
  "close",
  "merge",
  "urge",
  "rate_dispatch",
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const DEMAND_TYPES = ["consult", "help", "complaint", "report", "suggestion", "praise"] as const;
export type DemandType = (typeof DEMAND_TYPES)[number];

export const DISPOSITIONS = ["solved", "explained", "handled_by_law"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export type HandlingLevel = "grid" | "community" | "street" | "district";
export type WarningLevel = "none" | "yellow" | "red";
export type Crs = "wgs84" | "gcj02" | "bd09";

export const SOLVED_ANSWERS = ["solved", "partly", "unsolved"] as const;
export type SolvedAnswer = (typeof SOLVED_ANSWERS)[number];
export const SATISFIED_ANSWERS = ["satisfied", "basically", "unsatisfied"] as const;
export type SatisfiedAnswer = (typeof SATISFIED_ANSWERS)[number];

export interface NamedCode {
  code: string;
  name: string;
}

/** The district → street → community → grid containing a point (GET /api/locate). */
export type Located = ApiResponse<"/api/locate">;

export interface OrderRegion {
  code: string;
  name: string | null;
  district?: NamedCode;
  street?: NamedCode;
  community?: NamedCode;
  grid?: NamedCode;
}

/** An order as listed (GET /api/orders) and as returned by every action. */
export interface Order {
  id: string;
  orderNo: string;
  /** Optimistic lock: send it back with every action. */
  version: number;
  channel: string;
  channelFields: Record<string, unknown>;
  type: DemandType;
  category: { code: string; name: string | null } | null;
  urgent: boolean;
  ledger: string;
  title: string;
  content: string;
  address: string | null;
  location: { lng: number; lat: number } | null;
  region: OrderRegion;
  /** Name and phone are null when hidden from the viewer (保密); the phone is masked. */
  caller: { confidential: boolean; name: string | null; phone: string | null };
  state: OrderState;
  handlingLevel: HandlingLevel;
  holderRegionCode: string;
  holderName: string | null;
  mainUnit: { id: number; name: string | null } | null;
  disposition: Disposition | null;
  replyText: string | null;
  solvedOnSpot: boolean;
  mergedIntoId: string | null;
  createdAt: string;
  acceptedAt: string | null;
  dispatchedAt: string | null;
  signedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  responseDueAt: string | null;
  handlingDueAt: string | null;
  originalHandlingDueAt: string | null;
  warningLevel: WarningLevel;
  supervisedAt: string | null;
  urgeCount: number;
  reopenCount: number;
  returnCount: number;
  pendingExtension: boolean;
  /** What the signed-in user may do now: the server's decision, render buttons from it. */
  actions: OrderAction[];
}

export interface OrderHistoryEvent {
  id: string;
  action: OrderAction | "register" | "reveal_phone" | string;
  from: OrderState | null;
  to: OrderState | null;
  actorRole: string | null;
  /** Hidden (null) from residents. */
  actorName: string | null;
  unitName: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export interface OrderVisit {
  round: number;
  state: "pending" | "done" | string;
  method: string | null;
  solved: SolvedAnswer | null;
  satisfied: SatisfiedAnswer | null;
  comment: string | null;
  visitedAt: string | null;
  /** The caller's own rating link token, only for the resident while the visit is pending. */
  token?: string;
}

export interface OrderAssignment {
  unitId: number;
  unitName: string;
  role: "main" | "assist" | string;
  assignedAt: string;
  signedAt: string | null;
  repliedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
}

export interface OrderAttachment {
  id: string;
  fileName: string;
  mime: string;
  sizeBytes: number;
  /** With the demand, or with a reply (处置后照片). */
  stage: "intake" | "reply";
}

/** GET /api/orders/:id */
export interface OrderDetail extends Order {
  attachments: OrderAttachment[];
  visits: OrderVisit[];
  assignments: OrderAssignment[];
  history: OrderHistoryEvent[];
}

export interface OrderPage {
  total: number;
  page: number;
  pageSize: number;
  items: Order[];
}

/** GET /api/orders filters; `state` is sent comma-separated, and narrower than the schema's string. */
export type OrderQuery = Omit<ApiQuery<"/api/orders">, "state" | "type"> & {
  state?: readonly OrderState[];
  type?: DemandType;
};

export interface CategoryCandidate {
  code: string;
  name: string;
  /** Calibrated probability. */
  score: number;
  /** The words of the text that led to this candidate (absent in older answers). */
  words?: string[];
}

/** POST /api/classify */
export interface Classification {
  candidates: CategoryCandidate[];
  type: DemandType;
  /** The top candidate is not trustworthy alone: a person should choose. */
  unsure?: boolean;
  urgent: boolean;
}

/** POST /api/demands/duplicates: open demands about the same problem nearby. */
export interface DuplicateSuggestion {
  id: string;
  orderNo: string;
  title: string;
  state: OrderState;
  similarity: number;
  distanceMetres: number | null;
  createdAt: string;
}

/** POST /api/demands body. */
export type DemandSubmission = ApiBody<"/api/demands">;

export type PointInput = NonNullable<DemandSubmission["location"]>;

/** POST /api/demands answer: the order plus what intake suggests. */
export interface SubmittedOrder extends Order {
  /** 查询码 for the receipt: with the order number it tracks the demand without an account. */
  trackingCode: string;
  suggestions: { categories: CategoryCandidate[]; duplicates: DuplicateSuggestion[] };
}

export interface ChannelInfo {
  code: string;
  name: { "zh-CN": string; "en-US": string };
  roles: string[];
  fields: unknown;
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: "command_centre" | "department" | "street_office" | "community_committee" | "enterprise";
  regionCode: string;
  parentId: number | null;
}

/** GET /api/track: what anyone with the order number and the tracking code may see. */
export interface TrackResult {
  orderNo: string;
  title: string;
  category: string | null;
  state: OrderState;
  disposition: Disposition | null;
  replyText: string | null;
  progress: Array<{
    stage: "registered" | "accepted" | "dispatched" | "handling" | "replied" | "closed";
    at: string | null;
  }>;
}

/** GET /api/visits/:token: what the rating link is about. */
export interface VisitLink {
  orderNo: string;
  title: string;
  content: string;
  disposition: Disposition | null;
  replyText: string | null;
  repliedAt: string | null;
  round: number;
  state: "pending" | "done" | string;
  solved: SolvedAnswer | null;
  satisfied: SatisfiedAnswer | null;
}

/** POST /api/visits/:token body: the resident's rating. */
export type VisitRating = ApiBody<"/api/visits/{token}">;

/** A node of GET /api/categories (tree). */
export interface CategoryNode {
  code: string;
  name: string;
  nameEn: string | null;
  level: number;
  active: boolean;
  children: CategoryNode[];
}

/**
 * GET /api/routing/suggest?category=&region= — built against the brief while the endpoint is being
 * written: the catalogue's handling level and unit for a category in a region. Every field optional so
 * a slightly different final shape degrades to "no suggestion" rather than a crash.
 */
export interface RoutingSuggestion {
  handlingLevel?: HandlingLevel;
  holder?: { code: string; name: string | null; level?: HandlingLevel } | null;
  holderRegionCode?: string;
  holderName?: string | null;
  unit?: { id: number; name: string } | null;
  mainUnit?: { id: number; name: string } | null;
  assistingUnits?: Array<{ id: number; name: string }>;
}
