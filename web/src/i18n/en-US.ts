import { ordersEnUS } from "../components/orders/messages";
import { opsEnUS } from "../pages/command/i18n/en-US";
import { gridEnUS } from "../pages/grid/messages";
import { ledgersEnUS } from "../pages/ledgers/messages";
import { operatorEnUS } from "../pages/operator/messages";
import { residentEnUS } from "../pages/resident/messages";
import type { MessageKey } from "./zh-CN";

export const enUS: Record<MessageKey, string> = {
  "app.name": "Minhu",
  "app.tagline": "Beilin Grassroots Governance",
  "app.footer": "Beilin District, Xi'an · Minhu",

  "language.label": "Language",
  "language.zh-CN": "中文",
  "language.en-US": "English",

  "login.title": "Sign in",
  "login.subtitle": "Every request heard, handled and closed",
  "login.username": "Username",
  "login.password": "Password",
  "login.usernameRequired": "Please enter your username",
  "login.passwordRequired": "Please enter your password",
  "login.submit": "Sign in",
  "login.failed": "Sign-in failed",

  "session.loading": "Loading…",
  "session.loadFailed": "Could not load your session",
  "session.logout": "Sign out",
  "session.expired": "Your session has expired, please sign in again",

  "common.retry": "Retry",
  "common.loading": "Loading…",
  "common.none": "None",
  "common.close": "Close",
  "common.backHome": "Back to home",
  "common.openMenu": "Open menu",

  "error.notFound.title": "Page not found",
  "error.notFound.subtitle": "The page you are looking for does not exist or has been removed.",
  "error.forbidden.title": "Access denied",
  "error.forbidden.subtitle": "Your role is not allowed to open this page.",
  "error.loadFailed": "Failed to load",
  "error.pageCrashed": "Something went wrong on this page",

  "menu.home": "Dashboard",
  "menu.regions": "Regions & grids",

  "home.greeting": "Hello, {name}",
  "home.profile": "Account",
  "home.displayName": "Name",
  "home.username": "Username",
  "home.role": "Role",
  "home.jurisdiction": "Jurisdiction",
  "home.unit": "Unit",
  "home.permissions": "Permissions",
  "home.shortcuts": "Shortcuts",
  "home.shortcut.regions": "Grid map of the district, communities and grid workers",

  "role.resident": "Resident",
  "role.operator": "Hotline operator",
  "role.grid_worker": "Grid worker",
  "role.staff": "Street / community staff",
  "role.dispatcher": "Dispatcher",
  "role.unit_handler": "Unit handler",
  "role.supervisor": "Supervisor",
  "role.leader": "Leader",
  "role.admin": "Administrator",

  "level.district": "District",
  "level.street": "Street",
  "level.community": "Community",
  "level.grid": "Grid",

  "regions.title": "Regions & grids",
  "regions.subtitle": "District → street → community → grid",
  "regions.gridCount": "{count} grids",
  "regions.tree": "Region hierarchy",
  "regions.treeEmpty": "No regions",
  "regions.map": "Grid map",
  "regions.mapLoading": "Drawing grids…",
  "regions.legend": "Streets",
  "regions.showAll": "Show all",
  "regions.detail.title": "Grid details",
  "regions.detail.name": "Grid name",
  "regions.detail.code": "Grid code",
  "regions.detail.community": "Community",
  "regions.detail.street": "Street",
  "regions.detail.partyBranch": "Grid Party branch",
  "regions.detail.workers": "Grid workers",
  "regions.detail.noWorkers": "No grid workers assigned yet",
  "regions.detail.phone": "Phone",

  ...ordersEnUS,
  ...residentEnUS,
  ...gridEnUS,
  ...operatorEnUS,
  ...ledgersEnUS,
  ...opsEnUS,
};
