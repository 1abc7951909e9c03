import { apiRequest } from "./client";
import { queryString } from "./query";

export const MEMBER_KINDS = [
  "resident_unit",
  "property_company",
  "owners_committee",
  "police_station",
  "social_organisation",
] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const PROJECT_STATES = ["set", "advancing", "solved", "shelved"] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];
export type ProjectAction = "advance" | "report" | "solve" | "shelve" | "resume";
/** Steps that need a note (the server's lifecycle table says the same). */
export const NOTE_REQUIRED: readonly ProjectAction[] = ["report", "solve", "shelve", "resume"];

/** A 共建联合会 (community) or 地区党建联盟 (street) with what the source counts. */
export interface Council {
  id: number;
  kind: "council" | "alliance";
  name: string;
  regionCode: string;
  foundedOn: string;
  members: number;
  meetings: number;
  projects: number;
  solved: number;
}

export interface CouncilMember {
  id: number;
  kind: MemberKind;
  name: string;
  contact: string | null;
  active: boolean;
  joinedOn: string;
}

export interface ListItem {
  id: number;
  list: "needs" | "resources";
  memberId: number | null;
  title: string;
  projectId: number | null;
}

export interface Project {
  id: number;
  councilId: number;
  councilName: string;
  regionCode: string;
  decisionId: number | null;
  meetingId: number | null;
  title: string;
  owner: string;
  ownerMemberId: number | null;
  dueOn: string | null;
  state: ProjectState;
  setOn: string;
  closedOn: string | null;
}

export type CouncilDetail = Council & {
  canManage: boolean;
  memberList: CouncilMember[];
  listItems: ListItem[];
  meetingList: Array<{ id: number; heldOn: string; topic: string }>;
  projectList: Project[];
};

export interface Meeting {
  id: number;
  councilId: number;
  councilName: string;
  canManage: boolean;
  heldOn: string;
  topic: string;
  attendees: string[];
  minutes: string;
  decisions: Array<{ id: number; text: string; projectId: number | null; projectState: ProjectState | null }>;
}

export type ProjectDetail = Project & {
  actions: ProjectAction[];
  steps: Array<{
    id: number;
    action: ProjectAction | "set";
    note: string;
    onDate: string;
    byName: string | null;
  }>;
  members: Array<{ id: number; name: string; kind: MemberKind }>;
  orders: Array<{ id: string; orderNo: string; title: string; state: string }>;
  warnings: Array<{ id: string; title: string; state: string }>;
};

export interface Counts {
  councils: number;
  alliances: number;
  meetings: number;
  projects: number;
  solved: number;
}
export type RegionCounts = Counts & { code: string; name: string };

export interface NewProject {
  decisionId: number;
  title?: string;
  ownerMemberId?: number;
  owner?: string;
  memberIds: number[];
  dueOn?: string;
  itemIds: number[];
  orderIds: string[];
}

/** The /api/joint endpoints. */
export const jointApi = {
  councils: (signal?: AbortSignal) => apiRequest<{ items: Council[] }>("/api/joint/councils", { signal }),
  council: (id: number, signal?: AbortSignal) =>
    apiRequest<CouncilDetail>(`/api/joint/councils/${id}`, { signal }),
  found: (body: { kind: Council["kind"]; name: string; regionCode: string; foundedOn: string }) =>
    apiRequest<{ id: number }>("/api/joint/councils", { method: "POST", body }),
  addMember: (id: number, body: { kind: MemberKind; name: string; contact?: string; joinedOn: string }) =>
    apiRequest<{ id: number }>(`/api/joint/councils/${id}/members`, { method: "POST", body }),
  addItem: (id: number, body: { list: ListItem["list"]; title: string; memberId?: number }) =>
    apiRequest<{ id: number }>(`/api/joint/councils/${id}/list-items`, { method: "POST", body }),
  addMeeting: (
    id: number,
    body: { heldOn: string; topic: string; attendees: string[]; minutes: string; decisions: string[] },
  ) => apiRequest<{ id: number }>(`/api/joint/councils/${id}/meetings`, { method: "POST", body }),
  meeting: (id: number, signal?: AbortSignal) => apiRequest<Meeting>(`/api/joint/meetings/${id}`, { signal }),
  setProject: (body: NewProject) =>
    apiRequest<{ id: number }>("/api/joint/projects", { method: "POST", body }),
  projects: (query: { state?: ProjectState; closedIn?: string }, signal?: AbortSignal) =>
    apiRequest<{ items: Project[] }>(`/api/joint/projects${queryString(query)}`, { signal }),
  project: (id: number, signal?: AbortSignal) =>
    apiRequest<ProjectDetail>(`/api/joint/projects/${id}`, { signal }),
  step: (id: number, body: { action: ProjectAction; note: string }) =>
    apiRequest<{ id: number; state: ProjectState }>(`/api/joint/projects/${id}/steps`, {
      method: "POST",
      body,
    }),
  link: (id: number, body: { orderIds: string[] }) =>
    apiRequest<{ id: number }>(`/api/joint/projects/${id}/links`, { method: "POST", body }),
  totals: (signal?: AbortSignal) =>
    apiRequest<{ total: Counts; streets: RegionCounts[]; communities: RegionCounts[] }>("/api/joint/totals", {
      signal,
    }),
};

/** Splits a textarea into its non-empty lines (attendees, decisions, order ids). */
export const lines = (text: string | undefined): string[] =>
  (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
