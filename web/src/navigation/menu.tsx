import { ApartmentOutlined, HomeOutlined } from "@ant-design/icons";
import type { ReactNode } from "react";
import { ROLES, type Role, STAFF_ROLES } from "../auth/roles";
import type { MessageKey } from "../i18n/zh-CN";

export interface NavItem {
  path: string;
  labelKey: MessageKey;
  icon: ReactNode;
  roles: readonly Role[];
}

/** The side menu as data: each page and the roles that may open it. Only pages that exist belong here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: "/", labelKey: "menu.home", icon: <HomeOutlined />, roles: ROLES },
  { path: "/regions", labelKey: "menu.regions", icon: <ApartmentOutlined />, roles: STAFF_ROLES },
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
