/**
 * The rules of the grid worker's outbox (待发送), kept pure so they are tested without a browser:
 * what a queued item is, which go next, and what an answer means for it. The IndexedDB store and the
 * sender apply them (store.ts, outbox.ts).
 */

/** What can be queued: a demand (巡查上报, 入户走访, with 就地办结 inside) or a 民情日记 entry. */
export type QueuedKind = "demand" | "diary";

/** The endpoint each kind is sent to; both honour the Idempotency-Key. */
export const ENDPOINTS: Record<QueuedKind, string> = {
  demand: "/api/demands",
  diary: "/api/fieldwork/diary",
};

export interface QueuedPhoto {
  fileName: string;
  blob: Blob;
}

export interface QueuedItem {
  /** The Idempotency-Key, chosen once when the item is queued: every send of it carries the same. */
  key: string;
  /** Who wrote it: only that account sends it (a shared phone never sends another's work). */
  userId: number;
  kind: QueuedKind;
  /** The request body exactly as it will be sent, photos aside. */
  body: Record<string, unknown>;
  /** Photos as stored blobs (already shrunk), sent as `attachments` in this order. */
  photos: QueuedPhoto[];
  /** A line to recognise it by in the list (the first words of what was written). */
  label: string;
  queuedAt: string;
  /** waiting: to be sent; refused: the server said no (kept, with the reason, until discarded). */
  state: "waiting" | "refused";
  refusal?: { code: string; message: string };
}

/** What one send attempt came to. */
export type Outcome =
  | { kind: "sent"; answer: unknown }
  | { kind: "retry" }
  | { kind: "refused"; code: string; message: string };

/**
 * How to read an answer: stored (2xx, a replay of the same key included) means done; no answer, a
 * timeout, too many requests, a server fault or an expired session mean "try again later" — the item
 * stays; any other refusal is final for this body and is kept to be seen, never silently dropped.
 */
export function outcomeOf(
  answer: { status: number; body?: unknown; code?: string; message?: string } | "no-network",
): Outcome {
  if (answer === "no-network") return { kind: "retry" };
  const { status } = answer;
  if (status >= 200 && status < 300) return { kind: "sent", answer: answer.body };
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500)
    return { kind: "retry" };
  return {
    kind: "refused",
    code: answer.code ?? `HTTP_${status}`,
    message: answer.message ?? `HTTP ${status}`,
  };
}

/** The next items to send for this account: waiting ones, oldest first, none already on its way. */
export function sendOrder(
  items: readonly QueuedItem[],
  userId: number,
  inFlight: ReadonlySet<string>,
): QueuedItem[] {
  return items
    .filter((item) => item.userId === userId && item.state === "waiting" && !inFlight.has(item.key))
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.key.localeCompare(b.key));
}

/** What the worker sees: how many are waiting and how many were refused (their own only). */
export function summary(items: readonly QueuedItem[], userId: number): { waiting: number; refused: number } {
  const mine = items.filter((item) => item.userId === userId);
  return {
    waiting: mine.filter((item) => item.state === "waiting").length,
    refused: mine.filter((item) => item.state === "refused").length,
  };
}

/** After an attempt: a sent item leaves the queue, a refused one stays marked, a retry changes nothing. */
export function afterAttempt(item: QueuedItem, outcome: Outcome): QueuedItem | "remove" | "keep" {
  if (outcome.kind === "sent") return "remove";
  if (outcome.kind === "retry") return "keep";
  return { ...item, state: "refused", refusal: { code: outcome.code, message: outcome.message } };
}

/** A run stops at the first "try again later": without signal the rest would fail the same way. */
export function stopsRun(outcome: Outcome): boolean {
  return outcome.kind === "retry";
}

/** The label shown for an item: its first 30 characters, on one line. */
export function labelOf(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length > 30 ? `${chars.slice(0, 30).join("")}…` : line;
}

/** The body as sent: the queued body with the photos (base64) as `attachments` when there are any. */
export function requestBody(
  body: Record<string, unknown>,
  photos: readonly { fileName: string; content: string }[],
): Record<string, unknown> {
  return photos.length > 0 ? { ...body, attachments: photos } : body;
}
