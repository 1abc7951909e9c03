import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { afterRun, type RetryPolicy } from "./policy.js";
import { type ClaimedJob, claimDueJobs, ensureRecurringJob, recurringKey, settleJob } from "./store.js";

/** A job as its handler sees it. */
export interface Job {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Runs so far, this one included (1 on the first run). */
  attempts: number;
}

/**
 * Does a job's work; throwing records the error and retries later. It may run again after a crash or
 * if it outlives the lock, so it should check that its work is still needed (e.g. the order's state).
 */
export type JobHandler = (job: Job) => Promise<void>;

/** A kind run every `everyMs`, kept as one row that is rescheduled after each run. */
export interface RecurringJob {
  kind: string;
  everyMs: number;
  /** A shorter lock than the runner's, for a frequent sweep that must resume soon after a crash. */
  lockMs?: number;
}

export interface JobRunnerOptions {
  db: Kysely<DB>;
  handlers: Record<string, JobHandler>;
  now?: () => Date;
  /** How often `start()` looks for due jobs; default 5 s. */
  pollIntervalMs?: number;
  /** Jobs claimed (and run concurrently) per batch; default 10. */
  batchSize?: number;
  /** How long a claim lasts; a handler must finish within it. Default 5 min. */
  lockMs?: number;
  recurring?: RecurringJob[];
  /** Default 5. */
  maxAttempts?: number;
  /** Default 30 s. */
  backoffMs?: number;
  /** Told about a failed poll (e.g. the database is unreachable); handler errors go on the job instead. */
  onError?: (error: unknown) => void;
}

/**
 * Runs the database's due jobs. Any number of instances may run one against the same database: each
 * due job is claimed by exactly one of them.
 */
export class JobRunner {
  private readonly db: Kysely<DB>;
  private readonly handlers: Record<string, JobHandler>;
  private readonly now: () => Date;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly lockMs: number;
  private readonly everyMs: Map<string, number>;
  private readonly lockMsByKind: Map<string, number>;
  private readonly policy: RetryPolicy;
  private readonly onError: (error: unknown) => void;
  private timer: NodeJS.Timeout | null = null;
  private firstPoll: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(options: JobRunnerOptions) {
    this.db = options.db;
    this.handlers = options.handlers;
    this.now = options.now ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.batchSize = options.batchSize ?? 10;
    this.lockMs = options.lockMs ?? 5 * 60 * 1000;
    this.everyMs = new Map((options.recurring ?? []).map((r) => [r.kind, r.everyMs]));
    this.lockMsByKind = new Map(
      (options.recurring ?? []).flatMap((r) => (r.lockMs === undefined ? [] : [[r.kind, r.lockMs] as const])),
    );
    this.policy = { maxAttempts: options.maxAttempts ?? 5, backoffMs: options.backoffMs ?? 30_000 };
    this.onError = options.onError ?? ((error) => console.error("job runner:", error));
  }

  /**
   * Ensures the recurring jobs' rows, then polls until `stop()`: at once, or after `firstPollInMs`
   * (a server just started answers its first requests before the due jobs, an ANALYZE among them, run).
   */
  async start(options: { firstPollInMs?: number } = {}): Promise<void> {
    if (this.timer) return;
    await this.ensureRecurring();
    // unref: a pending poll must not keep the process alive on shutdown.
    this.timer = setInterval(() => this.poll(), this.pollIntervalMs);
    this.timer.unref();
    if (options.firstPollInMs) {
      this.firstPoll = setTimeout(() => this.poll(), options.firstPollInMs);
      this.firstPoll.unref();
    } else this.poll();
  }

  /** Stops polling and waits for the batch in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.firstPoll) clearTimeout(this.firstPoll);
    this.timer = null;
    this.firstPoll = null;
    await this.polling;
  }

  /** Creates (or revives) each recurring kind's row; `start()` does this. */
  async ensureRecurring(): Promise<void> {
    for (const [kind, everyMs] of this.everyMs) await ensureRecurringJob(this.db, kind, everyMs, this.now());
  }

  /** Claims one batch of due jobs and runs them; returns how many were claimed. */
  async runDue(): Promise<number> {
    const now = this.now();
    const jobs = await claimDueJobs(this.db, now, this.batchSize, this.lockMs, this.lockMsByKind);
    // Concurrently, so every job of the batch finishes well within the lock taken for all of them.
    const settled = await Promise.allSettled(jobs.map((job) => this.run(job)));
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    return jobs.length;
  }

  private async run(job: ClaimedJob): Promise<void> {
    const failure = await this.attempt(job);
    const everyMs = job.dedupeKey === recurringKey(job.kind) ? this.everyMs.get(job.kind) : undefined;
    await settleJob(
      this.db,
      job,
      afterRun({ attempts: job.attempts, failure, everyMs }, this.now(), this.policy),
    );
  }

  /** Runs the handler; returns the error text to record, or null on success. */
  private async attempt(job: ClaimedJob): Promise<string | null> {
    // hasOwn: a kind such as "toString" must not find the object's inherited methods.
    if (!Object.hasOwn(this.handlers, job.kind)) return `no handler for job kind "${job.kind}"`;
    try {
      await this.handlers[job.kind]({
        id: job.id,
        kind: job.kind,
        payload: job.payload,
        attempts: job.attempts,
      });
      return null;
    } catch (error) {
      return errorText(error);
    }
  }

  /** One poll: batches until fewer than a full batch is due; skipped while the previous poll runs. */
  private poll(): void {
    if (this.polling) return;
    this.polling = this.drain()
      .catch(this.onError)
      .finally(() => {
        this.polling = null;
      });
  }

  private async drain(): Promise<void> {
    // A full batch means more may be due: keep going rather than wait for the next tick.
    let claimed = this.batchSize;
    while (this.timer && claimed === this.batchSize) claimed = await this.runDue();
  }
}

const MAX_ERROR_LENGTH = 4000;

function errorText(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}
