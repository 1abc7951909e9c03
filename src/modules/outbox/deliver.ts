import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { retryDelayMs } from "../../platform/jobs/policy.js";
import { signedHeaders } from "../../platform/signing.js";
import { claimDue, markAttemptFailed, markDelivered } from "./repository.js";

/**
 * Where a topic's messages go; a topic without one waits (nothing is attempted). Either a URL the
 * payload is POSTed to, or a sender (the notification providers: log, SMS gateway, WeChat, e-mail).
 */
export type Destination =
  | {
      url: string;
      /** Signs each request (X-Minhu-Signature) when set. */
      secret: string | null;
    }
  | { send: Sender };

/**
 * Sends one message: null when the receiver took it, else why not ("unreachable: …" when it could
 * not be reached, which ends the round). Receivers deduplicate by the key, so a repeat counts once.
 */
export type Sender = (message: { key: string; payload: Record<string, unknown> }) => Promise<string | null>;

export interface DeliveryPolicy {
  /** Wait after the first failed attempt, doubled after each further one (capped at an hour). */
  backoffMs: number;
  /** Attempts after which a message is failed (an administrator can retry it). */
  maxAttempts: number;
  /** How long one request may take. */
  timeoutMs: number;
}

/**
 * Messages are claimed one at a time, each for as long as its request may take: a sender that dies
 * mid-request leaves one message locked briefly, and no claim outlives the message it covers.
 */
const BATCH = 1;
/** A round stops taking new messages after this long, so it ends well within its job's lock. */
export const ROUND_MS = 20_000;

/**
 * Delivers the due messages of the configured topics, one at a time in the order they were written:
 * a POST of the payload as JSON with an `Idempotency-Key` header (the receiver keeps the first and
 * ignores repeats, so a message re-sent after a crash mid-request counts once). A 2xx answer marks it
 * delivered; anything else counts as a failed attempt, retried with exponential backoff.
 */
export async function deliverDue(
  db: Kysely<DB>,
  destinations: Record<string, Destination>,
  policy: DeliveryPolicy,
  now: () => Date,
): Promise<{ delivered: number; failed: number }> {
  const counts = { delivered: 0, failed: 0 };
  const topics = Object.keys(destinations);
  const started = now().getTime();
  while (now().getTime() - started < ROUND_MS) {
    const due = await claimDue(db, topics, now(), BATCH, policy.timeoutMs + 5_000);
    if (due.length === 0) return counts;
    for (const message of due) {
      const destination = destinations[message.topic];
      const attempts = message.attempts + 1;
      const problem =
        "send" in destination
          ? await destination
              .send({ key: message.idempotency_key, payload: message.payload })
              .catch((error: unknown) => `error: ${error instanceof Error ? error.message : String(error)}`)
          : await post(destination, message.idempotency_key, message.payload, policy, now());
      if (problem === null) {
        await markDelivered(db, message.id, attempts, now());
        counts.delivered += 1;
        continue;
      }
      counts.failed += 1;
      const retryAt =
        attempts >= policy.maxAttempts
          ? null
          : new Date(
              now().getTime() + retryDelayMs(attempts, { backoffMs: policy.backoffMs, maxAttempts: 0 }),
            );
      await markAttemptFailed(db, message.id, attempts, problem, retryAt);
      // The receiver is likely down: leave the rest of the batch for the next round.
      if (problem.startsWith("unreachable")) return counts;
    }
  }
  return counts;
}

/** One attempt: null when the receiver took it, else why not. */
async function post(
  destination: { url: string; secret: string | null },
  key: string,
  payload: unknown,
  policy: DeliveryPolicy,
  now: Date,
): Promise<string | null> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "idempotency-key": key,
    ...(destination.secret ? signedHeaders(destination.secret, key, body, now) : {}),
  };
  try {
    const response = await fetch(destination.url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
    if (response.ok) {
      await response.body?.cancel();
      return null;
    }
    const text = await response.text().catch(() => "");
    return `HTTP ${response.status} ${text.slice(0, 200)}`.trim();
  } catch (error) {
    return `unreachable: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
  }
}
