import { ROLES, type Role, STAFF_ROLES } from "../auth/roles";
import type { MessageKey } from "../i18n/context";

export interface NavPage {
  path: string;
  labelKey: MessageKey;
  roles: readonly Role[];
  /** A submenu the entry sits in (the channel intake pages), by its label. */
  group?: MessageKey;
}

/**
 * 渠道受理: who takes which API-only channel, as the server's CHANNELS table says
 * (src/modules/demands/channels.ts); the page itself checks GET /api/channels too.
 */
export const CHANNEL_PAGES: Record<string, readonly Role[]> = {
  window: ["staff", "dispatcher"],
  deputy: ["staff", "dispatcher", "operator", "leader"],
  media: ["staff", "dispatcher", "operator"],
  petition: ["staff", "dispatcher"],
  field_inspection: ["staff", "dispatcher", "leader", "supervisor", "grid_worker"],
  forum: ["staff", "dispatcher", "leader"],
  grassroots_report: ["operator", "staff", "dispatcher", "grid_worker", "leader", "supervisor"],
};

/**
 * The side menu as data: each page and the roles that may open it. Only pages that exist belong
 * here. Plain data with no React, so the browser test that walks every role's pages reads it too.
 */
export const NAV_PAGES: readonly NavPage[] = [
  // Residents and grid workers land on their mobile home instead (see RoleLanding).
  { path: "/", labelKey: "menu.home", roles: ROLES.filter((r) => r !== "resident" && r !== "grid_worker") },
  { path: "/regions", labelKey: "menu.regions", roles: STAFF_ROLES },
  { path: "/resident", labelKey: "resident.menu.home", roles: ["resident"] },
  { path: "/resident/new", labelKey: "resident.menu.new", roles: ["resident"] },
  { path: "/resident/orders", labelKey: "resident.menu.mine", roles: ["resident"] },
  { path: "/resident/services", labelKey: "services.menu.resident", roles: ["resident"] },
  { path: "/grid", labelKey: "grid.menu.home", roles: ["grid_worker"] },
  { path: "/grid/report", labelKey: "grid.menu.report", roles: ["grid_worker"] },
  { path: "/grid/deadlines", labelKey: "grid.menu.deadlines", roles: ["grid_worker"] },
  { path: "/operator", labelKey: "operator.menu.intake", roles: ["operator"] },
  { path: "/command", labelKey: "menu.command", roles: ["dispatcher", "staff"] },
  ...Object.entries(CHANNEL_PAGES).map(([channel, roles]) => ({
    path: `/channels/${channel}`,
    labelKey: `orders.channel.${channel}` as MessageKey,
    roles,
    group: "channels.menu.group" as const,
  })),
  { path: "/services", labelKey: "services.menu.review", roles: ["staff", "admin"] },
  { path: "/unit", labelKey: "menu.unitInbox", roles: ["unit_handler"] },
  { path: "/supervision", labelKey: "menu.supervision", roles: ["supervisor", "leader"] },
  {
    path: "/dashboard",
    labelKey: "menu.dashboard",
    roles: ["staff", "dispatcher", "supervisor", "leader", "admin"],
  },
  {
    path: "/ledgers",
    labelKey: "menu.ledgers",
    roles: ["staff", "dispatcher", "supervisor", "leader", "admin"],
  },
  // 一核: party organisations and joint building, maintained by community/street staff and admins.
  { path: "/party", labelKey: "menu.party", roles: ["staff", "dispatcher", "supervisor", "leader", "admin"] },
  { path: "/joint", labelKey: "menu.joint", roles: ["staff", "dispatcher", "supervisor", "leader", "admin"] },
  // The district command centre's dispatchers and admins; a street's dispatcher is refused by the API.
  { path: "/integrations", labelKey: "menu.integrations", roles: ["dispatcher", "admin"] },
  // 社区工作日: a leader's linked community; 民情日记: grid workers, community staff and cadres.
  { path: "/fieldwork/community", labelKey: "fieldwork.menu.community", roles: ["leader"] },
  { path: "/fieldwork/topics", labelKey: "fieldwork.menu.topic", roles: ["supervisor", "admin"] },
  { path: "/fieldwork/diary", labelKey: "fieldwork.menu.diary", roles: ["grid_worker", "staff", "leader"] },
  // 碑林发布: the roles holding publications.manage (the server's PERMISSIONS; pages.test.ts checks).
  { path: "/publishing", labelKey: "menu.publishing", roles: ["admin"] },
  { path: "/admin", labelKey: "menu.admin", roles: ["admin"] },
  { path: "/audit", labelKey: "menu.audit", roles: ["admin"] },
];
