import { apiRequest } from "../../api/client";

export const ORGANISATION_KINDS = [
  "committee",
  "general_branch",
  "branch",
  "grid_branch",
  "grid_group",
  "building_group",
  "household",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const COMMUNITY_KINDS: readonly OrganisationKind[] = ["committee", "general_branch", "branch"];
export const MEMBER_DUTIES = ["secretary", "deputy", "committee", "member"] as const;
export type Duty = (typeof MEMBER_DUTIES)[number];

/** The kinds that may hang under a parent of `kind` (the server's 四级组织体系 checks it again). */
export function childKinds(kind: OrganisationKind): OrganisationKind[] {
  if (COMMUNITY_KINDS.includes(kind)) return ["grid_branch", "grid_group"];
  if (kind === "grid_branch" || kind === "grid_group") return ["building_group", "household"];
  if (kind === "building_group") return ["household"];
  return [];
}

/** A party organisation as GET /api/party/organisations lists it. */
export interface Organisation {
  id: number;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId: number | null;
  placeId: number | null;
  placeName: string | null;
  secretary: string | null;
  foundedOn: string | null;
  active: boolean;
  memberCount: number;
}

export interface Member {
  id: number;
  name: string;
  duty: Duty;
  joinedOn: string | null;
  active: boolean;
}

export type OrganisationDetail = Organisation & { canManage: boolean; members: Member[] };

/** 双报到: a member or organisation of another unit reporting to a community. */
export interface Report {
  id: number;
  regionCode: string;
  kind: "member" | "organisation";
  name: string;
  homeUnit: string;
  pledge: string;
  reportedOn: string;
  active: boolean;
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId?: number;
  secretary?: string;
  foundedOn?: string;
}

/** The /api/party endpoints. */
export const partyApi = {
  organisations: (signal?: AbortSignal) =>
    apiRequest<{ items: Organisation[] }>("/api/party/organisations", { signal }),
  organisation: (id: number, signal?: AbortSignal) =>
    apiRequest<OrganisationDetail>(`/api/party/organisations/${id}`, { signal }),
  create: (body: NewOrganisation) =>
    apiRequest<{ id: number }>("/api/party/organisations", { method: "POST", body }),
  update: (id: number, body: { name?: string; secretary?: string | null; active?: boolean }) =>
    apiRequest<{ id: number }>(`/api/party/organisations/${id}`, { method: "PATCH", body }),
  addMember: (id: number, body: { name: string; duty: Duty; joinedOn?: string }) =>
    apiRequest<{ id: number }>(`/api/party/organisations/${id}/members`, { method: "POST", body }),
  updateMember: (id: number, body: { duty?: Duty; active?: boolean }) =>
    apiRequest<{ id: number }>(`/api/party/members/${id}`, { method: "PATCH", body }),
  reports: (signal?: AbortSignal) => apiRequest<{ items: Report[] }>("/api/party/reports", { signal }),
  addReport: (body: Omit<Report, "id" | "active">) =>
    apiRequest<{ id: number }>("/api/party/reports", { method: "POST", body }),
};
