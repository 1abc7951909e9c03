/**
 * Every string of the web app. One file per area, each exporting `zhCN` (the default, whose keys are
 * the message keys) and `enUS` (typed against it, so a missing English string fails the typecheck).
 */
import * as app from "./app";
import * as audit from "./audit";
import * as channels from "./channels";
import * as elderly from "./elderly";
import * as fieldwork from "./fieldwork";
import * as grid from "./grid";
import * as integrations from "./integrations";
import * as ledgers from "./ledgers";
import * as notifications from "./notifications";
import * as offline from "./offline";
import * as operator from "./operator";
import * as ops from "./ops";
import * as orders from "./orders";
import * as party from "./party";
import * as places from "./places";
import * as published from "./published";
import * as publishing from "./publishing";
import * as resident from "./resident";
import * as services from "./services";

export const zhCN = {
  ...app.zhCN,
  ...orders.zhCN,
  ...resident.zhCN,
  ...grid.zhCN,
  ...operator.zhCN,
  ...ledgers.zhCN,
  ...ops.zhCN,
  ...places.zhCN,
  ...integrations.zhCN,
  ...audit.zhCN,
  ...fieldwork.zhCN,
  ...services.zhCN,
  ...published.zhCN,
  ...party.zhCN,
  ...offline.zhCN,
  ...elderly.zhCN,
  ...notifications.zhCN,
  ...channels.zhCN,
  ...publishing.zhCN,
};

export type MessageKey = keyof typeof zhCN;

export const enUS: Record<MessageKey, string> = {
  ...app.enUS,
  ...orders.enUS,
  ...resident.enUS,
  ...grid.enUS,
  ...operator.enUS,
  ...ledgers.enUS,
  ...ops.enUS,
  ...places.enUS,
  ...integrations.enUS,
  ...audit.enUS,
  ...fieldwork.enUS,
  ...services.enUS,
  ...published.enUS,
  ...party.enUS,
  ...offline.enUS,
  ...elderly.enUS,
  ...notifications.enUS,
  ...channels.enUS,
  ...publishing.enUS,
};

/** The areas, for the test that no key is defined twice (a later spread would silently win). */
export const AREAS = {
  app,
  orders,
  resident,
  grid,
  operator,
  ledgers,
  ops,
  places,
  integrations,
  audit,
  fieldwork,
  services,
  party,
  offline,
  elderly,
  notifications,
  channels,
  publishing,
};
