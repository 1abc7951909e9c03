import { sql } from "kysely";
import { writeAnchor } from "../modules/audit/anchors.js";
import { cityDestinations } from "../modules/city-hotline/results.js";
import { IMPORT_JOB_KIND, runImport } from "../modules/city-hotline/run.js";
import type { AppContext } from "../modules/context.js";
import { notifyDestinations } from "../modules/notifications/providers.js";
import { deliverDue, ROUND_MS } from "../modules/outbox/deliver.js";
import { retrainIfNewLabels } from "../modules/routing/learning.js";
import { sweepDeadlines } from "../modules/time-limits/sweep.js";
import { WARNING_JOB_KIND, warningJobHandler } from "../modules/warning/run.js";
import { JobRunner } from "../platform/jobs/runner.js";
import { pruneAttempts } from "../platform/throttle/throttle.js";

/** The routing model retrains nightly-ish: labels accumulate slowly and training takes a core for a minute. */
const ROUTING_RETRAIN_EVERY_MS = 24 * 60 * 60_000;

/** Every timer the platform runs, as database-backed jobs: exactly one instance runs each due job. */
export function createJobRunner(
  ctx: AppContext,
  options: { warningsEveryMs: number },
  onError: (error: unknown) => void,
): JobRunner {
  return new JobRunner({
    db: ctx.db,
    now: () => ctx.now(),
    onError,
    handlers: {
      /** 限时办理预警: yellow at 75%, red and 督办 when overdue. */
      "time-limits.sweep": async () => {
        await sweepDeadlines(ctx);
      },
      /** The embedded database has no autovacuum: keep the planner's statistics current. */
      "database.analyze": async () => {
        if (ctx.database.kind === "pglite") await sql`ANALYZE`.execute(ctx.db);
      },
      /** 研判预警: spikes, repeat callers, common problems, orders due soon. */
      [WARNING_JOB_KIND]: warningJobHandler(ctx),
      /** 定期再训练: the routing model learns from the district's labelled orders. */
      "routing.retrain": async () => {
        await retrainIfNewLabels(ctx.db, ctx.now());
      },
      /** 12345 工单导入: started by the upload itself; this resumes an import whose process died. */
      [IMPORT_JOB_KIND]: async (job) => {
        // While the upload's own run holds it, look again later: if that process dies, this one resumes it.
        if ((await runImport(ctx, String(job.payload.importId))) === "busy")
          throw new Error("import is running");
      },
      /** 外发: results back to the city's 12345 platform and notifications (SMS, WeChat, e-mail, log), with retries. */
      "outbox.deliver": async () => {
        await deliverOutbox(ctx);
      },
      /** 链头签名: the hash chains' heads signed with the server secret, so a rewrite before it shows. */
      "audit.anchor": async () => {
        await writeAnchor(ctx.db, ctx.tokens, ctx.now());
      },
      /** The record of guesses is kept a quarter, then pruned so the throttle's lookups stay small. */
      "throttle.prune": async () => {
        await pruneAttempts(ctx.db, ctx.now());
      },
    },
    recurring: [
      { kind: "time-limits.sweep", everyMs: 60_000 },
      { kind: WARNING_JOB_KIND, everyMs: options.warningsEveryMs },
      { kind: "database.analyze", everyMs: 10 * 60_000 },
      { kind: "routing.retrain", everyMs: ROUTING_RETRAIN_EVERY_MS },
      { kind: "throttle.prune", everyMs: 24 * 60 * 60_000 },
      { kind: "audit.anchor", everyMs: 60 * 60_000 },
      // A round lasts at most ROUND_MS plus one request: after a crash another instance resumes soon.
      { kind: "outbox.deliver", everyMs: ctx.city.deliverEveryMs, lockMs: 2 * ROUND_MS },
    ],
  });
}

/** Providers keep state (a WeChat token, an SMTP pool): one set per configuration, not per round. */
const notifyProviders = new WeakMap<object, ReturnType<typeof notifyDestinations>>();

/** One delivery round of the outbox to every configured destination (or only those of some topics). */
export function deliverOutbox(ctx: AppContext, topics?: readonly string[]) {
  let notify = notifyProviders.get(ctx.notify);
  if (!notify) {
    notify = notifyDestinations(ctx.notify, ctx.db, ctx.vault, () => ctx.now());
    notifyProviders.set(ctx.notify, notify);
  }
  return deliverDue(
    ctx.db,
    Object.fromEntries(
      Object.entries({ ...cityDestinations(ctx.city), ...notify }).filter(
        ([topic]) => !topics || topics.includes(topic),
      ),
    ),
    { backoffMs: ctx.city.retryBackoffMs, maxAttempts: ctx.city.maxAttempts, timeoutMs: 10_000 },
    () => ctx.now(),
  );
}
