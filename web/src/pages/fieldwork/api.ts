import { apiRequest } from "../../api/client";
import { queryString } from "../../api/query";
import type { OrderState } from "../../components/orders";

export const MOODS = ["content", "neutral", "worried", "upset"] as const;
export type Mood = (typeof MOODS)[number];

/** A demand raised from a work day or a diary entry. */
export interface RaisedOrder {
  id: string;
  orderNo: string;
  state: OrderState;
}

export interface WorkDay {
  id: string;
  leaderName: string;
  regionName: string;
  workedOn: string;
  topic: string | null;
  places: string;
  people: string;
  problems: string;
  casesCoordinated: number;
  problemsSolved: number;
  orders: RaisedOrder[];
}

export interface OrderLine {
  id: string;
  orderNo: string;
  title: string;
  state: OrderState;
  handlingDueAt: string | null;
  regionName: string | null;
}

/** GET /api/fieldwork/community: a leader's page on the linked community. */
export interface CommunityPage {
  community: { code: string; name: string };
  topic: { id: number; month: string; title: string } | null;
  open: { total: number; items: OrderLine[] };
  overdue: { total: number; items: OrderLine[] };
  workDays: WorkDay[];
}

export interface DiaryEntry {
  id: string;
  authorName: string;
  regionName: string;
  writtenOn: string;
  household: string;
  heard: string;
  mood: Mood;
  followUp: string;
  campaignName: string | null;
  order: RaisedOrder | null;
}

export interface Campaign {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  grids: {
    gridCode: string;
    gridName: string;
    target: { households: number; buildings: number };
    done: { households: number; buildings: number };
    percent: { households: number; buildings: number };
  }[];
}

export interface WorkDayInput {
  workedOn: string;
  places: string;
  people: string;
  peopleMet?: number;
  problems?: string;
  casesCoordinated?: number;
  problemsSolved?: number;
}

export interface DiaryInput {
  writtenOn: string;
  household: string;
  heard: string;
  mood: Mood;
  followUp?: string;
  campaignId?: number;
}

/** GET /api/fieldwork/topics/:month: the topic and the 共性问题 warnings it may be chosen from. */
export interface TopicChoice {
  topic: { id: number; month: string; title: string; warningId: string | null } | null;
  candidates: { id: string; title: string; regionCode: string }[];
}

/** The field-work routes (三联一进, 社区工作日, 民情日记, 大走访). */
export const fieldworkApi = {
  community: (signal?: AbortSignal) => apiRequest<CommunityPage>("/api/fieldwork/community", { signal }),
  recordWorkDay: (body: WorkDayInput) =>
    apiRequest<{ id: string }>("/api/fieldwork/work-days", { method: "POST", body }),
  raiseFromWorkDay: (id: string, content: string) =>
    apiRequest<{ orderId: string; orderNo: string; state: OrderState }>(
      `/api/fieldwork/work-days/${id}/demands`,
      {
        method: "POST",
        body: { content },
      },
    ),
  diary: (signal?: AbortSignal) =>
    apiRequest<{ items: DiaryEntry[] }>(`/api/fieldwork/diary${queryString({ mine: true })}`, { signal }),
  raiseFromDiary: (id: string, content: string) =>
    apiRequest<{ orderId: string; orderNo: string; state: OrderState }>(`/api/fieldwork/diary/${id}/demand`, {
      method: "POST",
      body: { content },
    }),
  topic: (month: string, signal?: AbortSignal) =>
    apiRequest<TopicChoice>(`/api/fieldwork/topics/${month}`, { signal }),
  setTopic: (month: string, body: { title?: string; warningId?: string }) =>
    apiRequest<{ id: number; title: string }>(`/api/fieldwork/topics/${month}`, { method: "PUT", body }),
  campaigns: (signal?: AbortSignal) =>
    apiRequest<{ items: Campaign[] }>("/api/fieldwork/campaigns", { signal }),
};
