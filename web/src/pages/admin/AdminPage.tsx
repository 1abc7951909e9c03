import { Tabs, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { useT } from "../../i18n/context";
import { CatalogueTab } from "./CatalogueTab";
import { CategoriesTab } from "./CategoriesTab";
import { GridsTab } from "./GridsTab";
import { HolidaysTab } from "./HolidaysTab";
import { Open311Tab } from "./Open311Tab";
import { RoutingModelTab } from "./RoutingModelTab";
import { ServicesTab } from "./ServicesTab";
import { UnitsTab } from "./UnitsTab";
import { UsersTab } from "./UsersTab";
import "../../ops.css";

const TABS = [
  "categories",
  "catalogue",
  "units",
  "users",
  "services",
  "holidays",
  "grids",
  "routing",
  "open311",
] as const;
type TabKey = (typeof TABS)[number];

/** 系统管理: categories and time limits, the dispatch catalogue, units, users, community services, holidays, grids, the routing model, Open311 keys. */
export default function AdminPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const active: TabKey = TABS.find((tab) => tab === requested) ?? "categories";
  const content: Record<TabKey, () => React.ReactNode> = {
    categories: () => <CategoriesTab />,
    catalogue: () => <CatalogueTab />,
    units: () => <UnitsTab />,
    users: () => <UsersTab />,
    services: () => <ServicesTab />,
    holidays: () => <HolidaysTab />,
    grids: () => <GridsTab />,
    routing: () => <RoutingModelTab />,
    open311: () => <Open311Tab />,
  };
  return (
    <div className="page admin-page" data-testid="admin-page" data-tab={active}>
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("admin.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("admin.subtitle")}</Typography.Text>
        </div>
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={TABS.map((tab) => ({ key: tab, label: t(`admin.tab.${tab}`), children: content[tab]() }))}
      />
    </div>
  );
}
