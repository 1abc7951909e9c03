import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { ErrorState } from "../components/ErrorState";
import { PageLoading } from "../components/PageLoading";
import { useT } from "../i18n/context";
import { useAuth } from "./context";

export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, reload } = useAuth();
  const location = useLocation();
  const t = useT();

  switch (session.status) {
    case "loading":
      return <PageLoading fullscreen tip={t("session.loading")} />;
    case "error":
      return <ErrorState fullscreen title={t("session.loadFailed")} error={session.error} onRetry={reload} />;
    case "anonymous": {
      const next = `${location.pathname}${location.search}`;
      const search = new URLSearchParams({ next });
      if (session.expired) search.set("expired", "1");
      return <Navigate to={`/login?${search}`} replace />;
    }
    case "authenticated":
      return children;
  }
}
