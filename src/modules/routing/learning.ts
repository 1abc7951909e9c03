import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { recordAudit } from "../audit/repository.js";
import { type AuditActor, SYSTEM_ACTOR } from "../audit/rules.js";
import type { DemandType } from "../demands/demand-types.js";
import { labelledOrders } from "./labels.js";
import { activeRoutingModel, routeWith } from "./model/active.js";
import { parseArtefact } from "./model/artefact.js";
import { loadEvalSet } from "./model/eval-set.js";
import { overallScore, type RouteScores, scoreRoutes } from "./model/metrics.js";
import { RoutingModel } from "./model/router.js";
import type { LabelledText } from "./model/train.js";

/** Trains an artefact (its JSON text) from labelled texts; the default runs `npm run train`'s training in a child process. */
export type Trainer = (labels: LabelledText[]) => Promise<string>;

export interface RetrainOutcome {
  version: string;
  promoted: boolean;
  labels: number;
  scores: RouteScores & { overall: number };
  activeVersion: string;
  activeScores: RouteScores & { overall: number };
}

/** Scores of a model on the fixed evaluation set, with the one number the promotion rule compares. */
export function evaluateModel(model: RoutingModel): RouteScores & { overall: number } {
  const set = loadEvalSet();
  if (!set) throw new Error("no evaluation set: a retrained model cannot be judged, so none is promoted");
  const scores = scoreRoutes(
    set,
    set.map((demand) => model.route(demand.text)),
  );
  return { ...scores, overall: overallScore(scores) };
}

// Compiled (dist/) the child runs JavaScript; from the sources (tests, development) it runs through tsx.
const FROM_SOURCES = import.meta.url.endsWith(".ts");
const RETRAIN_SCRIPT = fileURLToPath(
  new URL(`./training/retrain-process.${FROM_SOURCES ? "ts" : "js"}`, import.meta.url),
);

/**
 * Training takes tens of seconds of CPU: run it in a child process so the server keeps answering.
 * The labels go in on stdin, the artefact comes back on stdout.
 */
export const trainInChildProcess: Trainer = (labels) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      FROM_SOURCES ? ["--import", "tsx", RETRAIN_SCRIPT] : [RETRAIN_SCRIPT],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin?.end(JSON.stringify(labels));
  });

/**
 * 定期再训练: retrains from the generated examples plus the district's labelled orders, scores the new
 * model and the active one on the fixed evaluation set, and promotes the new one only when it scores
 * higher. Every candidate is kept (promoted: active, the one it replaced: previous, else rejected),
 * and the decision is in the audit log with whoever asked for it.
 */
export async function retrainFromDistrict(
  db: Kysely<DB>,
  now: Date,
  by: AuditActor,
  train: Trainer = trainInChildProcess,
): Promise<RetrainOutcome> {
  const labels: LabelledText[] = (await labelledOrders(db)).map((label) => ({
    text: label.text,
    category: label.category,
    type: label.type as DemandType,
    urgent: label.urgent,
    source: "label",
  }));
  const text = await train(labels);
  const candidate = new RoutingModel(parseArtefact(text));
  const active = activeRoutingModel();
  const scores = evaluateModel(candidate);
  const activeScores = evaluateModel(active);
  const promoted = scores.overall > activeScores.overall;
  await db.transaction().execute(async (trx) => {
    if (promoted)
      await trx
        .updateTable("routing_models")
        .set({ status: "previous", decided_at: now })
        .where("status", "=", "active")
        .execute();
    await trx
      .insertInto("routing_models")
      .values({
        version: candidate.version,
        artefact: text,
        scores: JSON.stringify(scores),
        label_count: labels.length,
        status: promoted ? "active" : "rejected",
        trained_at: now,
        decided_at: now,
      })
      .onConflict((conflict) => conflict.column("version").doNothing())
      .execute();
    const entry = {
      action: "config.routing_model",
      targetType: "routing_model",
      targetId: candidate.version,
      before: { version: active.version, overall: activeScores.overall },
      after: { version: candidate.version, overall: scores.overall, promoted },
    } as const;
    await recordAudit(trx, by, entry, now);
  });
  if (promoted) routeWith(candidate);
  return {
    version: candidate.version,
    promoted,
    labels: labels.length,
    scores,
    activeVersion: active.version,
    activeScores,
  };
}

/** On start-up: route with the promoted model stored in the database, if any. */
export async function loadActiveModel(db: Kysely<DB>): Promise<void> {
  const row = await db
    .selectFrom("routing_models")
    .select("artefact")
    .where("status", "=", "active")
    .executeTakeFirst();
  if (row) routeWith(new RoutingModel(parseArtefact(row.artefact)));
}

/**
 * The scheduled job: retrains only when people labelled orders since the last retraining (a fresh
 * install with no labels spends no CPU on it). Returns null when it skipped.
 */
export async function retrainIfNewLabels(db: Kysely<DB>, now: Date): Promise<RetrainOutcome | null> {
  const labels = (await labelledOrders(db)).length;
  const last = await db
    .selectFrom("routing_models")
    .select((eb) => eb.fn.max("label_count").as("count"))
    .executeTakeFirst();
  if (labels === 0 || labels === Number(last?.count ?? 0)) return null;
  return retrainFromDistrict(db, now, SYSTEM_ACTOR);
}
