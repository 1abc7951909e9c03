import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../../../api/client";
import { newIdempotencyKey, ordersApi } from "../api";
import type {
  CategoryNode,
  Classification,
  DemandSubmission,
  DuplicateSuggestion,
  PointInput,
  SubmittedOrder,
} from "../types";

/** `value`, once it stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** The classifier needs a few characters before its guess means anything. */
export const MIN_CLASSIFY_LENGTH = 5;

/**
 * Live category, type and urgency suggestions for the text being typed (debounced POST /api/classify).
 * Keeps the last answer while a new one is on its way.
 */
export function useClassification(
  text: string,
  delayMs = 400,
): { result: Classification | null; loading: boolean } {
  const debounced = useDebouncedValue(text.trim(), delayMs);
  const [state, setState] = useState<{ result: Classification | null; loading: boolean }>({
    result: null,
    loading: false,
  });
  useEffect(() => {
    if (debounced.length < MIN_CLASSIFY_LENGTH) {
      setState({ result: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    ordersApi.classify(debounced, controller.signal).then(
      (result) => setState({ result, loading: false }),
      () => !controller.signal.aborted && setState((previous) => ({ ...previous, loading: false })),
    );
    return () => controller.abort();
  }, [debounced]);
  return state;
}

/**
 * Open demands about the same problem nearby (debounced POST /api/demands/duplicates), once the text
 * is long enough (the server wants 5+ characters) and a place is known.
 * Residents always get an empty list: the server does not show them others' demands.
 */
export function useDuplicates(
  content: string,
  place: { location?: PointInput | null; regionCode?: string | null },
  delayMs = 500,
): { items: DuplicateSuggestion[]; loading: boolean } {
  const query = useDebouncedValue(
    JSON.stringify({
      content: content.trim(),
      location: place.location ?? undefined,
      regionCode: place.location ? undefined : (place.regionCode ?? undefined),
    }),
    delayMs,
  );
  const [state, setState] = useState<{ items: DuplicateSuggestion[]; loading: boolean }>({
    items: [],
    loading: false,
  });
  useEffect(() => {
    const body = JSON.parse(query) as { content: string; location?: PointInput; regionCode?: string };
    if (body.content.length < 5 || (!body.location && !body.regionCode)) {
      setState({ items: [], loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    ordersApi.duplicates(body, controller.signal).then(
      ({ items }) => setState({ items, loading: false }),
      () => !controller.signal.aborted && setState({ items: [], loading: false }),
    );
    return () => controller.abort();
  }, [query]);
  return state;
}

let categoryTree: Promise<CategoryNode[] | null> | null = null;

/**
 * The active category tree (GET /api/categories), cached for the page's life; null when the server
 * does not offer it (then only the classifier's suggestions are offered).
 */
export function useCategoryTree(): CategoryNode[] | null {
  const [tree, setTree] = useState<CategoryNode[] | null>(null);
  useEffect(() => {
    categoryTree ??= ordersApi.categories().then(
      (page) => page.items,
      (error: unknown) => {
        if (!(error instanceof ApiError && error.status === 404)) categoryTree = null;
        return null;
      },
    );
    let live = true;
    categoryTree.then((items) => live && setTree(items));
    return () => {
      live = false;
    };
  }, []);
  return tree;
}

/**
 * One Idempotency-Key per submission attempt: retries of the same body (after a timeout or a lost
 * answer) reuse the key, so the server answers with the order it already made instead of a second
 * one; a changed body gets a new key. Call `settled()` after success.
 */
export function useIdempotencyKey(): { keyFor: (body: unknown) => string; settled: () => void } {
  const attempt = useRef<{ key: string; body: string } | null>(null);
  return useMemo(
    () => ({
      keyFor: (body: unknown) => {
        const text = JSON.stringify(body);
        if (!attempt.current || attempt.current.body !== text) {
          attempt.current = { key: newIdempotencyKey(), body: text };
        }
        return attempt.current.key;
      },
      settled: () => {
        attempt.current = null;
      },
    }),
    [],
  );
}

/**
 * The message for a failed submission. A lost connection gets its own words: the answer may simply
 * not have arrived, and submitting again is safe (same body, same Idempotency-Key).
 */
export function submitErrorText(error: unknown, networkText: string): string {
  if (error instanceof ApiError && error.code === "NETWORK_ERROR") return networkText;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Submitting a demand from a form: one Idempotency-Key per body (a retry after a lost answer gets the
 * same order back), the server's message or the network hint on failure, the order on success.
 * `build` prepares the body (photos are encoded then) and may throw like the request itself.
 */
export function useDemandSubmission(networkText: string) {
  const idempotency = useIdempotencyKey();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<SubmittedOrder | null>(null);

  const submit = useCallback(
    async (build: () => Promise<DemandSubmission>) => {
      setSubmitting(true);
      setError(null);
      try {
        const body = await build();
        const order = await ordersApi.submit(body, idempotency.keyFor(body));
        idempotency.settled();
        setSubmitted(order);
      } catch (cause) {
        setError(submitErrorText(cause, networkText));
      } finally {
        setSubmitting(false);
      }
    },
    [idempotency, networkText],
  );
  const reset = useCallback(() => {
    setSubmitted(null);
    setError(null);
  }, []);

  return { submitting, error, submitted, submit, reset };
}
