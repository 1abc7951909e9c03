import { Tabs, Typography } from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { useRegionNames } from "../../hooks/useRegionNames";
import { useT } from "../../i18n/context";
import { partyApi } from "./api";
import { OrganisationTree } from "./OrganisationTree";
import { PartyGridMap } from "./PartyGridMap";
import { ReportsTab } from "./ReportsTab";
import "../../ops.css";
import "./party.css";

/** 党组织体系 of the caller's jurisdiction: the tree, 双报到, and the grid map of grid organisations. */
export default function PartyPage() {
  const t = useT();
  const me = useMe();
  // The server's party.manage, as /api/me lists it; each write is still checked for jurisdiction.
  const mayManage = me.permissions.includes("party.manage");
  const [tab, setTab] = useState("tree");
  const organisations = useRequest((signal) => partyApi.organisations(signal), []);
  const regions = useRegionNames();

  return (
    <div className="ops-page" data-testid="party-page">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("party.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("party.subtitle")}</Typography.Text>
        </div>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: "tree",
            label: t("party.tab.tree"),
            children: (
              <OrganisationTree organisations={organisations} regions={regions} mayManage={mayManage} />
            ),
          },
          {
            key: "reports",
            label: t("party.tab.reports"),
            children: (
              <ReportsTab nameOf={regions.nameOf} communities={regions.communities} mayManage={mayManage} />
            ),
          },
          {
            key: "map",
            label: t("party.tab.map"),
            children: <PartyGridMap organisations={organisations.data?.items ?? []} regions={regions} />,
          },
        ]}
      />
    </div>
  );
}
