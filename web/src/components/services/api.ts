import { apiRequest } from "../../api/client";
import type { ApiBody } from "../../api/types";

/** A service's definition as the server validates it (POST /api/services), not a copy kept by hand. */
type ServiceBody = ApiBody<"/api/services">;
export type ServiceField = ServiceBody["fields"][number];
export type ServiceMaterial = ServiceBody["materials"][number];
export type FieldType = ServiceField["type"];
export type ReviewLevel = ServiceBody["reviewLevels"][number];
export type ResultKind = ServiceBody["resultKind"];
export type ApplicationState =
  | "community_review"
  | "street_review"
  | "supplement"
  | "approved"
  | "refused"
  | "withdrawn";
export type ApplicationAction = "approve" | "request_more" | "refuse" | "supplement" | "withdraw";

export type ServiceInput = ServiceBody;
export type Service = ServiceBody & { id: number };

export interface ApplicationSummary {
  id: string;
  serviceId: number;
  serviceCode: string;
  serviceName: string;
  serviceNameEn: string;
  applicantName: string;
  communityCode: string;
  communityName: string | null;
  state: ApplicationState;
  level: ReviewLevel;
  submittedAt: string;
  dueAt: string;
  closedAt: string | null;
  overdue: boolean;
  actions: ApplicationAction[];
}

export interface ApplicationResult {
  kind: ResultKind;
  note?: string;
  documentNo?: string;
  appointmentAt?: string;
  place?: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  answers: Record<string, string | number>;
  definition: { fields: ServiceField[]; materials: ServiceMaterial[]; resultKind: ResultKind };
  result: ApplicationResult | null;
  steps: {
    id: string;
    action: ApplicationAction | "submit";
    toState: ApplicationState;
    level: ReviewLevel | null;
    actorRole: string | null;
    actorName: string | null;
    note: string | null;
    at: string;
  }[];
  files: {
    id: string;
    stepId: string;
    material: string;
    fileName: string;
    mime: string;
    sizeBytes: number;
  }[];
}

export interface MaterialFile {
  material: string;
  fileName: string;
  content: string;
}

export interface StepRequest {
  action: ApplicationAction;
  note?: string;
  answers?: Record<string, string | number>;
  files?: MaterialFile[];
  result?: { note?: string; documentNo?: string; appointmentAt?: string; place?: string };
}

export interface ServiceStats {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  timeLimitDays: number;
  total: number;
  open: number;
  approved: number;
  refused: number;
  overdue: number;
  closed: number;
  closedOnTime: number;
}

export const servicesApi = {
  communities: (signal?: AbortSignal) =>
    apiRequest<{ items: { code: string; name: string; streetName: string | null }[] }>(
      "/api/services/communities",
      { signal },
    ),
  catalogue: (community: string, signal?: AbortSignal) =>
    apiRequest<{ items: Service[] }>(`/api/services?community=${encodeURIComponent(community)}`, { signal }),
  all: (signal?: AbortSignal) => apiRequest<{ items: Service[] }>("/api/services", { signal }),
  create: (body: ServiceInput) => apiRequest<{ id: number }>("/api/services", { method: "POST", body }),
  update: (id: number, body: ServiceInput) =>
    apiRequest<{ id: number }>(`/api/services/${id}`, { method: "PUT", body }),
  apply: (
    serviceId: number,
    body: { community: string; answers: Record<string, string | number>; files: MaterialFile[] },
  ) => apiRequest<{ id: string }>(`/api/services/${serviceId}/applications`, { method: "POST", body }),
  applications: (state: ApplicationState | undefined, signal?: AbortSignal) =>
    apiRequest<{ items: ApplicationSummary[] }>(
      `/api/service-applications${state ? `?state=${state}` : ""}`,
      { signal },
    ),
  application: (id: string, signal?: AbortSignal) =>
    apiRequest<ApplicationDetail>(`/api/service-applications/${encodeURIComponent(id)}`, { signal }),
  step: (id: string, body: StepRequest) =>
    apiRequest<{ id: string }>(`/api/service-applications/${encodeURIComponent(id)}/steps`, {
      method: "POST",
      body,
    }),
  fileUrl: (id: string, fileId: string) =>
    `/api/service-applications/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`,
  stats: (signal?: AbortSignal) => apiRequest<{ items: ServiceStats[] }>("/api/services/stats", { signal }),
};
