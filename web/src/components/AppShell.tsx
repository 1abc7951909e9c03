import { MenuOutlined } from "@ant-design/icons";
import { Button, Drawer, Grid, Layout, Menu } from "antd";
import { Suspense, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useMe } from "../auth/context";
import { useT } from "../i18n/context";
import { activeNavPath, groupOf, menuEntriesFor } from "../navigation/menu";
import { useOutboxSender } from "../offline/hooks";
import { BrandMark } from "./BrandMark";
import { DemoHistoryNotice } from "./DemoHistoryNotice";
import { ElderlyScope, ElderlySwitch, HotlineButton } from "./elderly";
import { LanguageSwitch } from "./LanguageSwitch";
import { NotificationBell } from "./notifications/NotificationBell";
import { PageLoading } from "./PageLoading";
import { UserMenu } from "./UserMenu";

export function AppShell() {
  const me = useMe();
  // What a grid worker wrote without signal is sent when the app starts and when the signal returns.
  useOutboxSender(me.id);
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  // 长辈模式 is the residents' own: staff workbenches keep their density.
  const isResident = me.role === "resident";

  const navMenu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[activeNavPath(pathname)]}
      defaultOpenKeys={[groupOf(activeNavPath(pathname)) ?? ""]}
      items={menuEntriesFor(me.role).map((entry) =>
        "children" in entry
          ? {
              key: entry.group,
              icon: entry.icon,
              label: t(entry.group),
              children: entry.children.map((item) => ({ key: item.path, label: t(item.labelKey) })),
            }
          : { key: entry.path, icon: entry.icon, label: t(entry.labelKey) },
      )}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
    />
  );

  const shell = (
    <Layout className="shell">
      {!isMobile && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          className="shell__sider"
        >
          <div className="shell__sider-brand">
            <BrandMark variant={collapsed ? "logo" : "full"} inverted />
          </div>
          {navMenu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="shell__header">
          {isMobile && (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t("common.openMenu")}
                data-testid="menu-toggle"
                onClick={() => setDrawerOpen(true)}
              />
              <BrandMark variant="name" />
            </>
          )}
          <div className="shell__header-actions">
            {isResident && <ElderlySwitch />}
            {/* Residents have no bell: their notices reach them by SMS. */}
            {!isResident && <NotificationBell />}
            <LanguageSwitch />
            <UserMenu />
          </div>
        </Layout.Header>
        <Layout.Content className="shell__content">
          <DemoHistoryNotice />
          {isResident && <HotlineButton />}
          <Suspense fallback={<PageLoading tip={t("common.loading")} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="shell__footer">{t("app.footer")}</Layout.Footer>
      </Layout>
      {isMobile && (
        <Drawer
          placement="left"
          size={240}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          closable={false}
          className="shell__drawer"
          styles={{ body: { padding: 0, background: "#0f2f5c" } }}
        >
          <div className="shell__sider-brand">
            <BrandMark inverted />
          </div>
          {navMenu}
        </Drawer>
      )}
    </Layout>
  );
  return isResident ? <ElderlyScope>{shell}</ElderlyScope> : shell;
}
