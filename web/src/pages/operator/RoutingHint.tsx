import { ApartmentOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { label, useRoutingSuggestion } from "../../components/orders";
import { useT } from "../../i18n/context";

/**
 * 流转建议: where the dispatch catalogue sends this category in this place (GET /api/routing/suggest).
 * Until that endpoint exists the level and holder are shown after submitting, from the new order.
 */
export function RoutingHint({ category, region }: { category: string | null; region: string | null }) {
  const t = useT();
  const route = useRoutingSuggestion(category, region);
  if (!category || !region) return <span className="muted">{t("operator.routing.needs")}</span>;
  if (route === undefined) return <span className="muted">…</span>;
  if (route === null) return <span className="muted">{t("operator.routing.afterSubmit")}</span>;
  return (
    <div data-testid="routing-hint">
      <ApartmentOutlined />{" "}
      {route.handlingLevel && (
        <Tag color="blue">{label(t, `level.${route.handlingLevel}`, route.handlingLevel)}</Tag>
      )}
      {route.holderName && <span>{route.holderName} </span>}
      {route.unitName && <strong>{route.unitName}</strong>}
    </div>
  );
}
