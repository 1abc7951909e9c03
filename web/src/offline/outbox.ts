import { ApiError, apiRequest } from "../api/client";
import { newIdempotencyKey } from "../components/orders/api";
import {
  afterAttempt,
  ENDPOINTS,
  labelOf,
  type Outcome,
  outcomeOf,
  type QueuedItem,
  type QueuedKind,
  requestBody,
  sendOrder,
  stopsRun,
} from "./rules";
import { outboxStore } from "./store";

/**
 * The sender of the grid worker's outbox. Everything written on a grid page is first stored on the
 * phone with its Idempotency-Key, then sent: at once when there is signal, else when the signal
 * returns (online event), when the app starts, or when the worker asks. Sends run one at a time (and
 * one tab at a time where Web Locks exist); the server answers a second send of the same key with
 * what the first one made, so an answer lost on the way never makes a second order.
 */

const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("minhu-outbox");
channel?.addEventListener("message", () => notify());

function notify(): void {
  for (const listener of listeners) listener();
}

function changed(): void {
  notify();
  channel?.postMessage("changed");
}

/** Called whenever the outbox changes, in this tab or another. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const inFlight = new Set<string>();
let chain: Promise<unknown> = Promise.resolve();

/** One send at a time in this tab, and across tabs when the browser has Web Locks. */
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const locked = (): Promise<T> =>
    typeof navigator !== "undefined" && navigator.locks
      ? (navigator.locks.request("minhu-outbox", task) as Promise<T>)
      : task();
  const run = chain.then(locked, locked);
  chain = run.catch(() => undefined);
  return run;
}

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function base64ToBlob(content: string): Blob {
  const text = atob(content);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new Blob([bytes], { type: "application/octet-stream" });
}

/** One send of an item, with its key; the photos are read back from their blobs (same bytes each time). */
async function attempt(item: QueuedItem): Promise<{ outcome: Outcome; error?: ApiError }> {
  inFlight.add(item.key);
  try {
    const photos = await Promise.all(
      item.photos.map(async (photo) => ({
        fileName: photo.fileName,
        content: await blobToBase64(photo.blob),
      })),
    );
    const answer = await apiRequest<unknown>(ENDPOINTS[item.kind], {
      method: "POST",
      body: requestBody(item.body, photos),
      headers: { "Idempotency-Key": item.key },
      quietUnauthenticated: true,
    });
    return { outcome: outcomeOf({ status: 201, body: answer }) };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code === "NETWORK_ERROR")
      return { outcome: outcomeOf("no-network") };
    const outcome = outcomeOf({ status: error.status, code: error.code, message: error.message });
    return { outcome, error };
  } finally {
    inFlight.delete(item.key);
  }
}

async function settle(item: QueuedItem, outcome: Outcome): Promise<void> {
  const next = afterAttempt(item, outcome);
  if (next === "keep") return;
  if (next === "remove") await outboxStore.remove(item.key);
  else await outboxStore.put(next);
  changed();
}

/** Sends what waits for this account, oldest first, stopping at the first "no signal". */
export function sendWaiting(userId: number): Promise<number> {
  return exclusive(async () => {
    let sent = 0;
    for (const queued of sendOrder(await outboxStore.all(), userId, inFlight)) {
      // Another tab may have sent or discarded it meanwhile.
      const item = await outboxStore.get(queued.key);
      if (item?.state !== "waiting") continue;
      const { outcome } = await attempt(item);
      await settle(item, outcome);
      if (outcome.kind === "sent") sent++;
      if (stopsRun(outcome)) break;
    }
    return sent;
  });
}

export interface Submission {
  userId: number;
  kind: QueuedKind;
  body: Record<string, unknown>;
  /** Photos as the API takes them (base64), already shrunk; kept on the phone as blobs. */
  photos?: { fileName: string; content: string }[];
  /** The text the worker will recognise it by in the list. */
  text: string;
}

/**
 * Stores the submission on the phone, then sends it if there is signal. Answers with the server's
 * answer, or `queued` when it waits for signal. A refusal (a mistake in the form) is thrown as the
 * ApiError and the item leaves the queue: the worker is there to correct and submit again.
 */
export async function submitThroughOutbox<T>(
  submission: Submission,
): Promise<{ sent: T } | { queued: QueuedItem }> {
  const item: QueuedItem = {
    key: newIdempotencyKey(),
    userId: submission.userId,
    kind: submission.kind,
    body: submission.body,
    photos: (submission.photos ?? []).map((photo) => ({
      fileName: photo.fileName,
      blob: base64ToBlob(photo.content),
    })),
    label: labelOf(submission.text),
    queuedAt: new Date().toISOString(),
    state: "waiting",
  };
  await outboxStore.put(item);
  changed();
  if (typeof navigator !== "undefined" && !navigator.onLine) return { queued: item };
  return exclusive(async () => {
    const { outcome, error } = await attempt(item);
    if (outcome.kind === "refused") {
      await outboxStore.remove(item.key);
      changed();
      throw error ?? new ApiError(422, outcome.code, outcome.message);
    }
    await settle(item, outcome);
    return outcome.kind === "sent" ? { sent: outcome.answer as T } : { queued: item };
  });
}

/** This account's items on the phone, oldest first. */
export async function queuedItems(userId: number): Promise<QueuedItem[]> {
  const all = await outboxStore.all();
  return all.filter((item) => item.userId === userId).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Drops a refused item once the worker has read why. */
export async function discard(key: string): Promise<void> {
  await outboxStore.remove(key);
  changed();
}
