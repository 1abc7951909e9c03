import { Card, Popover, Switch, Typography } from "antd";
import { useEffect } from "react";
import { apiRequest } from "../../api/client";
import { useRequest } from "../../api/useRequest";
import { ReplyFields, useRoutingSuggestion } from "../../components/orders";
import { useT } from "../../i18n/context";

interface CatalogueRow {
  categoryCode: string;
  categoryName: string | null;
  regionCode: string | null;
  handlingLevel: string;
}

/**
 * 就地办结 offered only where the dispatch catalogue keeps the matter at grid level (小事不出格): for
 * any other category the switch is off and says who handles it, and the grid-level matters of the
 * worker's grid are one tap away.
 */
export function OnSpotCard({
  categoryCode,
  regionCode,
  checked,
  onChange,
}: {
  /** The chosen category, or the classifier's first guess (what the server will use). */
  categoryCode: string | null;
  /** Where the report will be filed (the picked point's grid, or the worker's own). */
  regionCode: string | null;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  const t = useT();
  const route = useRoutingSuggestion(categoryCode, regionCode);
  const allowed = route?.holderLevel === "grid";
  const reason = !categoryCode
    ? t("grid.report.onSpotNeedsCategory")
    : route === undefined
      ? t("grid.report.onSpotChecking")
      : allowed
        ? t("grid.report.onSpotHint")
        : t("grid.report.onSpotNotAllowed", { holder: route?.holderName ?? "—" });

  useEffect(() => {
    if (checked && !allowed && route !== undefined) onChange(false);
  }, [checked, allowed, route, onChange]);

  return (
    <Card size="small" className="grid-card">
      <div className="grid-form__switch">
        <span>
          <strong>{t("grid.report.onSpot")}</strong>
          <div
            className={allowed ? "muted grid-form__hint" : "grid-form__hint grid-form__hint--blocked"}
            data-testid="solve-on-spot-reason"
            data-allowed={String(allowed)}
          >
            {reason}
          </div>
          <Popover
            trigger="click"
            title={t("grid.report.onSpotMatters")}
            content={<GridMatters regionCode={regionCode} />}
          >
            <Typography.Link className="grid-form__hint" data-testid="on-spot-matters">
              {t("grid.report.onSpotWhich")}
            </Typography.Link>
          </Popover>
        </span>
        <Switch
          checked={checked && allowed}
          disabled={!allowed}
          onChange={onChange}
          aria-label={t("grid.report.onSpot")}
          data-testid="solve-on-spot"
        />
      </div>
      {checked && allowed && (
        <div className="grid-form__onspot" data-testid="solve-on-spot-fields">
          <ReplyFields />
        </div>
      )}
    </Card>
  );
}

/** The categories the catalogue keeps at grid level in this grid. */
function GridMatters({ regionCode }: { regionCode: string | null }) {
  const t = useT();
  const rows = useRequest(
    (signal) => apiRequest<{ items: CatalogueRow[] }>("/api/catalogue", { signal }),
    [],
  );
  const matters = (rows.data?.items ?? []).filter(
    (row) =>
      row.handlingLevel === "grid" &&
      (row.regionCode === null || (regionCode ?? "").startsWith(row.regionCode)),
  );
  if (rows.loading) return <span className="muted">{t("grid.report.onSpotChecking")}</span>;
  if (matters.length === 0) return <span className="muted">{t("grid.report.onSpotNone")}</span>;
  return (
    <ul className="grid-form__matters" data-testid="on-spot-matter-list">
      {matters.map((row) => (
        <li key={`${row.categoryCode}-${row.regionCode ?? ""}`}>{row.categoryName ?? row.categoryCode}</li>
      ))}
    </ul>
  );
}
