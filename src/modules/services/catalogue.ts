import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { recordAudit } from "../audit/repository.js";
import { type AuditActor, changedFields } from "../audit/rules.js";
import { presentService } from "./presenter.js";
import { insertService, type ServiceRow, setServiceRegions, updateService } from "./repository.js";
import type { ServiceBody } from "./schemas.js";

type ServiceDefinitionBody = typeof ServiceBody.static;

/** The row a definition is stored as, stamped with who changed it and when. */
function columns(body: ServiceDefinitionBody, actorId: number, at: Date) {
  return {
    code: body.code,
    name: body.name,
    name_en: body.nameEn,
    description: body.description,
    fields: JSON.stringify(body.fields),
    materials: JSON.stringify(body.materials),
    review_levels: JSON.stringify(body.reviewLevels),
    time_limit_days: body.timeLimitDays,
    result_kind: body.resultKind,
    active: body.active,
    updated_by: actorId,
    updated_at: at,
  };
}

/** Configures a new service with its communities, audited in the same transaction. */
export async function createService(
  db: Kysely<DB>,
  body: ServiceDefinitionBody,
  by: AuditActor & { id: number },
  at: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await insertService(trx, columns(body, by.id, at));
    await setServiceRegions(trx, row.id, body.regions);
    await recordAudit(
      trx,
      by,
      { action: "config.service", targetType: "service", targetId: row.id, after: body },
      at,
    );
    return row.id;
  });
}

/** Changes a service's definition and communities; the audit keeps only the fields that changed. */
export async function changeService(
  db: Kysely<DB>,
  before: ServiceRow,
  body: ServiceDefinitionBody,
  by: AuditActor & { id: number },
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await updateService(trx, before.id, columns(body, by.id, at));
    await setServiceRegions(trx, before.id, body.regions);
    const change = changedFields(presentService(before), { id: before.id, ...body });
    await recordAudit(
      trx,
      by,
      { action: "config.service", targetType: "service", targetId: before.id, ...change },
      at,
    );
  });
}
