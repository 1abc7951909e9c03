import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { recordAudit } from "../audit/repository.js";
import type { AuditActor } from "../audit/rules.js";
import type { identify } from "../demands/attachments.js";
import { appendVersion, insertPhoto, insertPublication, setRetracted, updateDraft } from "./repository.js";
import type { KeyProject } from "./rules.js";

/** The editor making a change; every change is audited in the same transaction as the change. */
export type Editor = AuditActor & { id: number };

function audit(trx: Kysely<DB>, by: Editor, id: number, after: unknown, at: Date) {
  return recordAudit(
    trx,
    by,
    { action: "config.publication", targetType: "publication", targetId: id, after },
    at,
  );
}

/** Drafts a key project (重点项目); nothing is public until it is published. */
export function draftKeyProject(db: Kysely<DB>, draft: KeyProject, by: Editor, at: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await insertPublication(trx, {
      kind: "key_project",
      draft: JSON.stringify(draft),
      created_by: by.id,
      created_at: at,
      updated_at: at,
    });
    await audit(trx, by, row.id, { draft }, at);
    return row.id;
  });
}

/** Changes the draft; the public keeps seeing the published version until the next publication. */
export async function changeDraft(db: Kysely<DB>, id: number, draft: KeyProject, by: Editor, at: Date) {
  await db.transaction().execute(async (trx) => {
    await updateDraft(trx, id, draft, at);
    await audit(trx, by, id, { draft }, at);
  });
}

/** Publishes the draft as the next version, visible from `visibleFrom`; publishing again ends a retraction. */
export function publishDraft(
  db: Kysely<DB>,
  id: number,
  draft: unknown,
  visibleFrom: Date,
  by: Editor,
  at: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const version = await appendVersion(trx, {
      publicationId: id,
      content: draft,
      visibleFrom,
      by: by.id,
      at,
    });
    await setRetracted(trx, id, null);
    await audit(trx, by, id, { version, visibleFrom: visibleFrom.toISOString() }, at);
    return version;
  });
}

/** Withdraws an item from the public pages, saying why; its versions are kept. */
export async function retractPublication(db: Kysely<DB>, id: number, reason: string, by: Editor, at: Date) {
  await db.transaction().execute(async (trx) => {
    await setRetracted(trx, id, { at, reason });
    await audit(trx, by, id, { retracted: true, reason }, at);
  });
}

/** Stores checked photos for an item, all or none. */
export async function addPhotos(
  db: Kysely<DB>,
  id: number,
  files: ReturnType<typeof identify>,
  by: Editor,
  at: Date,
) {
  await db.transaction().execute(async (trx) => {
    for (const f of files)
      await insertPhoto(trx, {
        id: f.id,
        publication_id: id,
        file_name: f.file.fileName,
        mime: f.file.mime,
        size_bytes: f.file.bytes.length,
        sha256: f.sha256,
        content: f.file.bytes,
        created_by: by.id,
        created_at: at,
      });
  });
}
