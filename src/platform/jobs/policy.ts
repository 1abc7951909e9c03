import type { JobChanges } from "./store.js";

/** How failed runs are retried. */
export interface RetryPolicy {
  /** Runs after which a one-off job is given up (recurring jobs never are). */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  backoffMs: number;
}

/** The longest wait between retries, however many attempts failed. */
export const MAX_BACKOFF_MS = 60 * 60 * 1000;

/** The wait before retrying a job whose `attempts`-th run failed: exponential, capped at an hour. */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.backoffMs * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MS);
}

/** How one run ended: `failure` is the recorded error text, null on success. */
export interface RunOutcome {
  attempts: number;
  failure: string | null;
  /** The interval of a recurring job; absent for a one-off. */
  everyMs?: number;
}

/**
 * What becomes of a job after a run: finished, due again later, or given up. A given-up job is finished
 * with its last error kept (done_at and last_error both set), so it stays in the table for inspection.
 */
export function afterRun(outcome: RunOutcome, now: Date, policy: RetryPolicy): JobChanges {
  const { attempts, failure, everyMs } = outcome;
  const later = (ms: number) => new Date(now.getTime() + ms);
  if (everyMs !== undefined) {
    // A recurring sweep is never given up: one that stopped for good would fail silently. Attempts count
    // consecutive failures only, so the backoff starts over after a success.
    if (failure === null) return { run_at: later(everyMs), attempts: 0, last_error: null };
    return { run_at: later(Math.min(retryDelayMs(attempts, policy), everyMs)), last_error: failure };
  }
  if (failure === null) return { done_at: now, last_error: null };
  if (attempts >= policy.maxAttempts) {
    return { done_at: now, last_error: `gave up after ${attempts} attempts: ${failure}` };
  }
  return { run_at: later(retryDelayMs(attempts, policy)), last_error: failure };
}
