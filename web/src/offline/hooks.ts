import { useCallback, useEffect, useState } from "react";
import { useMe } from "../auth/context";
import {
  discard,
  onOutboxChange,
  queuedItems,
  type Submission,
  sendWaiting,
  submitThroughOutbox,
} from "./outbox";
import { type QueuedItem, summary } from "./rules";

/** While something waits, another try this often even without an online event (flaky signal). */
const RETRY_MS = 60_000;

/**
 * Sends what the signed-in account left in the outbox: when the app starts, when the signal returns
 * (online event), and every minute while the app is open. Mounted once, in the app shell.
 */
export function useOutboxSender(userId: number): void {
  useEffect(() => {
    const send = () => {
      if (navigator.onLine) sendWaiting(userId).catch(() => undefined);
    };
    send();
    window.addEventListener("online", send);
    const timer = window.setInterval(send, RETRY_MS);
    return () => {
      window.removeEventListener("online", send);
      window.clearInterval(timer);
    };
  }, [userId]);
}

/** The signed-in account's outbox as the grid pages show it (待发送), kept current. */
export function useOutbox() {
  const me = useMe();
  const [items, setItems] = useState<QueuedItem[]>([]);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    let live = true;
    const refresh = () => {
      queuedItems(me.id).then(
        (mine) => live && setItems(mine),
        () => undefined,
      );
    };
    refresh();
    const stop = onOutboxChange(refresh);
    return () => {
      live = false;
      stop();
    };
  }, [me.id]);
  const sendNow = useCallback(async () => {
    setSending(true);
    try {
      await sendWaiting(me.id);
    } finally {
      setSending(false);
    }
  }, [me.id]);
  return { items, ...summary(items, me.id), sending, sendNow, discard };
}

/**
 * A form's submission through the outbox: `sent` holds the server's answer, `queued` is true when it
 * was kept on the phone for later; a refusal shows its message and leaves the form as it was.
 */
export function useQueuedSubmission<T>() {
  const [state, setState] = useState<{
    submitting: boolean;
    error: string | null;
    sent: T | null;
    queued: boolean;
  }>({ submitting: false, error: null, sent: null, queued: false });
  const submit = useCallback(async (build: () => Promise<Submission>) => {
    setState((current) => ({ ...current, submitting: true, error: null }));
    try {
      const result = await submitThroughOutbox<T>(await build());
      setState({
        submitting: false,
        error: null,
        sent: "sent" in result ? result.sent : null,
        queued: "queued" in result,
      });
    } catch (cause) {
      const error = cause instanceof Error ? cause.message : String(cause);
      setState((current) => ({ ...current, submitting: false, error }));
    }
  }, []);
  const reset = useCallback(
    () => setState({ submitting: false, error: null, sent: null, queued: false }),
    [],
  );
  return { ...state, submit, reset };
}
