import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  BookOutlined,
  ClockCircleOutlined,
  EditOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  InboxOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyOutlined,
  SettingOutlined,
  SwapOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { ROLES, type Role, STAFF_ROLES } from "../auth/roles";
import type { MessageKey } from "../i18n/context";

export interface NavItem {
  path: string;
  labelKey: MessageKey;
  icon: ReactNode;
  roles: readonly Role[];
}

/** The side menu as data: each page and the roles that may open it. Only pages that exist belong here. */
export const NAV_ITEMS: readonly NavItem[] = [
  // Residents and grid workers land on their mobile home instead (see RoleLanding).
  {
    path: "/",
    labelKey: "menu.home",
    icon: <HomeOutlined />,
    roles: ROLES.filter((r) => r !== "resident" && r !== "grid_worker"),
  },
  { path: "/regions", labelKey: "menu.regions", icon: <ApartmentOutlined />, roles: STAFF_ROLES },
  { path: "/resident", labelKey: "resident.menu.home", icon: <HomeOutlined />, roles: ["resident"] },
  { path: "/resident/new", labelKey: "resident.menu.new", icon: <EditOutlined />, roles: ["resident"] },
  {
    path: "/resident/orders",
    labelKey: "resident.menu.mine",
    icon: <ProfileOutlined />,
    roles: ["resident"],
  },
  { path: "/grid", labelKey: "grid.menu.home", icon: <EnvironmentOutlined />, roles: ["grid_worker"] },
  { path: "/grid/report", labelKey: "grid.menu.report", icon: <SafetyOutlined />, roles: ["grid_worker"] },
  {
    path: "/grid/deadlines",
    labelKey: "grid.menu.deadlines",
    icon: <ClockCircleOutlined />,
    roles: ["grid_worker"],
  },
  { path: "/operator", labelKey: "operator.menu.intake", icon: <PhoneOutlined />, roles: ["operator"] },
  { path: "/command", labelKey: "menu.command", icon: <AimOutlined />, roles: ["dispatcher", "staff"] },
  { path: "/unit", labelKey: "menu.unitInbox", icon: <InboxOutlined />, roles: ["unit_handler"] },
  {
    path: "/supervision",
    labelKey: "menu.supervision",
    icon: <AlertOutlined />,
    roles: ["supervisor", "leader"],
  },
  {
    path: "/dashboard",
    labelKey: "menu.dashboard",
    icon: <BarChartOutlined />,
    roles: ["staff", "dispatcher", "supervisor", "leader", "admin"],
  },
  {
    path: "/ledgers",
    labelKey: "menu.ledgers",
    icon: <BookOutlined />,
    roles: ["staff", "dispatcher", "supervisor", "leader", "admin"],
  },
  // The district command centre's dispatchers and admins; a street's dispatcher is refused by the API.
  {
    path: "/integrations",
    labelKey: "menu.integrations",
    icon: <SwapOutlined />,
    roles: ["dispatcher", "admin"],
  },
  { path: "/admin", labelKey: "menu.admin", icon: <SettingOutlined />, roles: ["admin"] },
];

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
