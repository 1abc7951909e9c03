import type { ApplicationRow, ServiceRow } from "./repository.js";

/** A service as the catalogue and the admin page show it. */
export function presentService(row: ServiceRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    description: row.description,
    fields: row.fields,
    materials: row.materials,
    reviewLevels: row.review_levels,
    timeLimitDays: row.time_limit_days,
    resultKind: row.result_kind,
    active: row.active,
    regions: row.regions,
  };
}

/** An application in a list: no answers or files, only where it stands. */
export function presentApplication(row: ApplicationRow, now: Date, communityName: string | null) {
  const open = row.closed_at === null;
  return {
    id: row.id,
    serviceId: row.service_id,
    serviceCode: row.service_code,
    serviceName: row.service_name,
    serviceNameEn: row.service_name_en,
    applicantName: row.applicant_name,
    communityCode: row.community_code,
    communityName,
    state: row.state,
    level: row.level,
    submittedAt: row.submitted_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    overdue: open ? row.due_at < now : row.closed_at !== null && row.closed_at > row.due_at,
  };
}
