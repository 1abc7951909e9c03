import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { coversRegion } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import type { AppContext } from "../context.js";
import { checkAttachments, identify } from "../demands/attachments.js";
import {
  type Answers,
  buildResult,
  checkAnswers,
  materialProblem,
  type ResultInput,
  type ReviewLevel,
  type ServiceDefinition,
  type ServiceMaterial,
} from "./definition.js";
import {
  type ApplicationAction,
  type ApplicationState,
  availableActions,
  type StepBy,
  step,
} from "./lifecycle.js";
import {
  type ApplicationRow,
  applicationFiles,
  findApplication,
  insertApplication,
  insertFiles,
  insertStep,
  listServices,
  moveApplication,
  type ServiceRow,
} from "./repository.js";

/** A material file in a request body: which material it is, its name and base64 bytes. */
export interface MaterialFile {
  material: string;
  fileName: string;
  content: string;
}

/** The definition a service row holds, as an application copies it. */
export function definitionOf(row: ServiceRow): ServiceDefinition {
  return {
    fields: row.fields as ServiceDefinition["fields"],
    materials: row.materials as ServiceDefinition["materials"],
    reviewLevels: row.review_levels,
    timeLimitDays: row.time_limit_days,
    resultKind: row.result_kind,
  };
}

/** Checks each file as intake photos are checked (PDF too where the material allows it), before storing. */
function checkFiles(materials: readonly ServiceMaterial[], files: readonly MaterialFile[]) {
  return files.flatMap((file) => {
    const material = materials.find((m) => m.key === file.material);
    if (!material)
      throw fail("VALIDATION_FAILED", { detail: `${file.material} is not a material of this service` });
    return identify(checkAttachments([file], { pdf: material.pdf })).map((checked) => ({
      ...checked,
      material: file.material,
    }));
  });
}

function fileRows(
  applicationId: string,
  stepId: string,
  actor: Actor,
  at: Date,
  files: ReturnType<typeof checkFiles>,
) {
  return files.map((f) => ({
    id: f.id,
    application_id: applicationId,
    step_id: stepId,
    material: f.material,
    file_name: f.file.fileName,
    mime: f.file.mime,
    size_bytes: f.file.bytes.length,
    sha256: f.sha256,
    content: f.file.bytes,
    uploaded_by: actor.id,
    created_at: at,
  }));
}

export interface NewApplication {
  serviceId: number;
  community: string;
  answers: Answers;
  files: MaterialFile[];
}

/**
 * 在线申请 A resident applies for a service their community offers: the answers and materials are
 * checked against the service's own definition, the time limit runs from submission in working days.
 */
export async function apply(ctx: AppContext, actor: Actor, input: NewApplication): Promise<string> {
  const [service] = await listServices(ctx.db, { id: input.serviceId, activeOnly: true });
  if (!service?.regions.includes(input.community))
    throw fail("NOT_FOUND", { what: `service ${input.serviceId} in ${input.community}` });
  const definition = definitionOf(service);
  const answers = checkAnswers(definition.fields, input.answers);
  if (!answers.ok) throw fail("VALIDATION_FAILED", { detail: answers.problem });
  const missing = materialProblem(
    definition.materials,
    input.files.map((f) => f.material),
  );
  if (missing) throw fail("VALIDATION_FAILED", { detail: missing });
  const files = checkFiles(definition.materials, input.files);
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertApplication(trx, {
      service_id: service.id,
      applicant_id: actor.id,
      community_code: input.community,
      state: "community_review",
      level: "community",
      answers: JSON.stringify(answers.answers),
      definition: JSON.stringify(definition),
      submitted_at: at,
      due_at: ctx.timeLimits.dueAfter(at, definition.timeLimitDays),
    });
    const stepRow = await insertStep(trx, {
      application_id: row.id,
      action: "submit",
      from_state: null,
      to_state: "community_review",
      level: "community",
      actor_id: actor.id,
      actor_role: actor.role,
      note: null,
      at,
    });
    await insertFiles(trx, fileRows(row.id, stepRow.id, actor, at, files));
    return row.id;
  });
}

/** The street a community belongs to. */
function streetOf(ctx: AppContext, community: string): string | null {
  return ctx.regions.get(community)?.parentCode ?? null;
}

/**
 * 审核层级 Whether the actor reviews the application where it now stands: community staff of its
 * community at the community level, street staff of its street at the street level.
 */
function holdsLevel(
  ctx: AppContext,
  actor: Actor,
  row: { community_code: string; level: ReviewLevel },
): boolean {
  if (actor.role !== "staff" || actor.regionCode === null) return false;
  const holder = row.level === "community" ? row.community_code : streetOf(ctx, row.community_code);
  return actor.regionCode === holder;
}

/**
 * An application the actor may read, with the party the actor is to it: its applicant, or staff
 * (and administrators) whose jurisdiction covers its community. Any other is "not found", exactly
 * like a missing one.
 */
export async function applicationFor(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<{ row: ApplicationRow; by: StepBy }> {
  const row = await findApplication(db, id);
  const isApplicant = row !== undefined && actor.role === "resident" && row.applicant_id === actor.id;
  const isReader = row !== undefined && actor.role !== "resident" && coversRegion(actor, row.community_code);
  if (!row || !(isApplicant || isReader)) throw fail("NOT_FOUND", { what: `application ${id}` });
  return { row, by: isApplicant ? "applicant" : "reviewer" };
}

/** The steps the actor may take now: the applicant's, or the reviewer's when the actor holds the level. */
export function actionsFor(
  ctx: AppContext,
  actor: Actor,
  row: ApplicationRow,
  by: StepBy,
): ApplicationAction[] {
  const state = row.state as ApplicationState;
  if (by === "reviewer" && !holdsLevel(ctx, actor, row)) return [];
  return availableActions(state, by);
}

export interface StepInput {
  note: string;
  answers?: Answers;
  files: MaterialFile[];
  result: ResultInput;
}

/** Throws the error a refused step answers with. */
function refuse(reason: "illegal" | "not_yours" | "note_required", state: string, action: string): never {
  if (reason === "note_required") throw fail("VALIDATION_FAILED", { detail: `${action} needs a note` });
  if (reason === "not_yours") throw fail("OUTSIDE_SCOPE");
  throw fail("ILLEGAL_APPLICATION_STEP", { state, action });
}

/**
 * One step of an application (审核, 补正, 办结, 不予办理, 撤回), checked against the lifecycle table
 * and the level that holds it, written with its files in one transaction. A supplement restarts
 * the time limit (补正后重新起算); a final approval stores the result of the service's kind.
 */
export async function takeStep(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: ApplicationAction,
  input: StepInput,
): Promise<void> {
  const { row, by } = await applicationFor(ctx.db, actor, id);
  if (by === "reviewer" && !holdsLevel(ctx, actor, row)) throw fail("OUTSIDE_SCOPE");
  const definition = row.definition as ServiceDefinition;
  const outcome = step({ state: row.state as ApplicationState, level: row.level }, action, {
    by,
    levels: definition.reviewLevels,
    note: input.note,
  });
  if (!outcome.ok) return refuse(outcome.reason, row.state, action);
  const at = ctx.now();
  let answers = row.answers;
  let files: ReturnType<typeof checkFiles> = [];
  if (action === "supplement") {
    if (input.answers) {
      const checked = checkAnswers(definition.fields, input.answers);
      if (!checked.ok) throw fail("VALIDATION_FAILED", { detail: checked.problem });
      answers = checked.answers;
    }
    if (input.files.length === 0 && !input.answers)
      throw fail("VALIDATION_FAILED", { detail: "a supplement brings materials or corrected answers" });
    const stored = (await applicationFiles(ctx.db, id)).map((f) => f.material);
    const problem = materialProblem(
      definition.materials,
      input.files.map((f) => f.material),
      stored,
    );
    if (problem) throw fail("VALIDATION_FAILED", { detail: problem });
    files = checkFiles(definition.materials, input.files);
  }
  let result: unknown = null;
  if (outcome.final) {
    const built = buildResult(definition.resultKind, input.result);
    if (!built.ok) throw fail("VALIDATION_FAILED", { detail: built.problem });
    result = built.result;
    // The result document itself (a scan or PDF of the certificate), checked like the materials.
    files = checkFiles([{ key: "result", label: "", labelEn: "", required: false, pdf: true }], input.files);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await moveApplication(trx, id, row.version, {
      state: outcome.state,
      level: outcome.level,
      answers: JSON.stringify(answers),
      ...(action === "supplement" ? { due_at: ctx.timeLimits.dueAfter(at, definition.timeLimitDays) } : {}),
      ...(outcome.closed ? { closed_at: at } : {}),
      ...(result ? { result: JSON.stringify(result) } : {}),
    });
    if (!moved) throw fail("CONFLICT", { detail: `application ${id} was changed meanwhile; reload it` });
    const stepRow = await insertStep(trx, {
      application_id: id,
      action,
      from_state: row.state,
      to_state: outcome.state,
      level: outcome.level,
      actor_id: actor.id,
      actor_role: actor.role,
      note: input.note.trim() || null,
      at,
    });
    await insertFiles(trx, fileRows(id, stepRow.id, actor, at, files));
  });
}
