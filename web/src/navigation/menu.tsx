import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  ClockCircleOutlined,
  CloudOutlined,
  ClusterOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  FormOutlined,
  HomeOutlined,
  InboxOutlined,
  NotificationOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { Role } from "../auth/roles";
import type { MessageKey } from "../i18n/context";
import { NAV_PAGES, type NavPage } from "./pages";

export interface NavItem extends NavPage {
  icon: ReactNode;
}

const ICONS: Record<string, ReactNode> = {
  "/": <HomeOutlined />,
  "/regions": <ApartmentOutlined />,
  "/resident": <HomeOutlined />,
  "/resident/new": <EditOutlined />,
  "/resident/orders": <ProfileOutlined />,
  "/resident/services": <CloudOutlined />,
  "/services": <SolutionOutlined />,
  "/grid": <EnvironmentOutlined />,
  "/grid/report": <SafetyOutlined />,
  "/grid/deadlines": <ClockCircleOutlined />,
  "/operator": <PhoneOutlined />,
  "/command": <AimOutlined />,
  "/unit": <InboxOutlined />,
  "/supervision": <AlertOutlined />,
  "/dashboard": <BarChartOutlined />,
  "/ledgers": <BookOutlined />,
  "/party": <FlagOutlined />,
  "/joint": <ClusterOutlined />,
  "/integrations": <SwapOutlined />,
  "/publishing": <NotificationOutlined />,
  "/admin": <SettingOutlined />,
  "/audit": <AuditOutlined />,
};

const GROUP_ICONS: Partial<Record<MessageKey, ReactNode>> = { "channels.menu.group": <FormOutlined /> };

/** The side menu: each page of {@link NAV_PAGES} with its icon. */
export const NAV_ITEMS: readonly NavItem[] = NAV_PAGES.map((page) => ({
  ...page,
  icon: ICONS[page.path] ?? <ProfileOutlined />,
}));

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

export function canOpen(role: Role, path: string): boolean {
  const item = NAV_ITEMS.find((candidate) => candidate.path === path);
  return item ? item.roles.includes(role) : true;
}

/** The menu entry that owns `pathname` (longest matching prefix). */
export function activeNavPath(pathname: string): string {
  const matches = NAV_ITEMS.filter(
    (item) => pathname === item.path || pathname.startsWith(item.path === "/" ? "/" : `${item.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? "/";
}

/** A menu entry, or a submenu of grouped entries placed where its first entry stands. */
export type MenuEntry = NavItem | { group: MessageKey; icon: ReactNode; children: NavItem[] };

export function menuEntriesFor(role: Role): MenuEntry[] {
  const entries: MenuEntry[] = [];
  for (const item of navItemsFor(role)) {
    if (!item.group) {
      entries.push(item);
      continue;
    }
    const group = entries.find(
      (entry): entry is Extract<MenuEntry, { children: NavItem[] }> =>
        "children" in entry && entry.group === item.group,
    );
    if (group) group.children.push(item);
    else
      entries.push({
        group: item.group,
        icon: GROUP_ICONS[item.group] ?? <ProfileOutlined />,
        children: [item],
      });
  }
  return entries;
}

/** The submenu that holds `path`, to open it when one of its pages is shown. */
export function groupOf(path: string): MessageKey | undefined {
  return NAV_ITEMS.find((item) => item.path === path)?.group;
}
