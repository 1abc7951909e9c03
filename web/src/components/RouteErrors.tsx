import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { Link, useRouteError } from "react-router-dom";
import { useMe } from "../auth/context";
import { useT } from "../i18n/context";
import { canOpen } from "../navigation/menu";

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t("error.notFound.title")}
      subTitle={t("error.notFound.subtitle")}
      extra={
        <Link to="/">
          <Button type="primary">{t("common.backHome")}</Button>
        </Link>
      }
    />
  );
}

/** Renders `children` only when the signed-in role may open `path` (as declared in the menu data). */
export function RoleGate({ path, children }: { path: string; children: ReactNode }) {
  const me = useMe();
  const t = useT();
  if (canOpen(me.role, path)) return children;
  return (
    <Result
      status="403"
      title={t("error.forbidden.title")}
      subTitle={t("error.forbidden.subtitle")}
      extra={
        <Link to="/">
          <Button type="primary">{t("common.backHome")}</Button>
        </Link>
      }
    />
  );
}

export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t("error.pageCrashed")}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("common.retry")}
        </Button>
      }
    />
  );
}
