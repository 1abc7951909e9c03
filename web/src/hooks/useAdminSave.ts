import { App } from "antd";
import { useCallback, useState } from "react";
import { useT } from "../i18n/context";

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * An admin form's save: `saving` while it runs, the server's refusal kept for the form (cleared on
 * the next try), "saved" on success. `change` makes the request and what follows it (close, reload).
 */
export function useAdminSave() {
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(
    async (change: () => Promise<void>) => {
      setSaving(true);
      setError(null);
      try {
        await change();
        message.success(t("admin.saved"));
      } catch (failure) {
        setError(messageOf(failure));
      } finally {
        setSaving(false);
      }
    },
    [message, t],
  );
  const clearError = useCallback(() => setError(null), []);
  return { saving, error, save, clearError };
}

/** A change made from a list row (delete, deactivate): a refusal shows as a message, success as `done`. */
export function useRowAction() {
  const { message } = App.useApp();
  return useCallback(
    async (change: () => Promise<void>, done?: string) => {
      try {
        await change();
        if (done) message.success(done);
      } catch (failure) {
        message.error(messageOf(failure));
      }
    },
    [message],
  );
}
