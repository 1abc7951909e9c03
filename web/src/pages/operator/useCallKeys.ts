import { useEffect, useRef } from "react";

export interface CallKeyActions {
  submit: () => unknown;
  clear: () => void;
  acceptSuggestion: (index: number) => void;
  /** After a submit, Ctrl+Enter does nothing until the next call. */
  submitted: boolean;
  /** An open drawer takes Esc for itself. */
  drawerOpen: boolean;
}

/**
 * The operator's page-wide keys: Ctrl/⌘+Enter submits the call, Esc starts the next one (after an
 * open dropdown or drawer has taken it), Alt+1…3 accept the classifier's first three suggestions.
 */
export function useCallKeys(actions: CallKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const current = latest.current;
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (!current.submitted) void current.submit();
        return;
      }
      if (event.key === "Escape") {
        if (document.activeElement?.getAttribute("aria-expanded") === "true") return;
        if (current.drawerOpen) return;
        event.preventDefault();
        current.clear();
        return;
      }
      if (event.altKey && /^Digit[1-3]$/.test(event.code)) {
        event.preventDefault();
        current.acceptSuggestion(Number(event.code.slice(5)) - 1);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
