import { ordersZhCN } from "../components/orders/messages";
import { opsZhCN } from "../pages/command/i18n/zh-CN";
import { gridZhCN } from "../pages/grid/messages";
import { ledgersZhCN } from "../pages/ledgers/messages";
import { operatorZhCN } from "../pages/operator/messages";
import { residentZhCN } from "../pages/resident/messages";

export const zhCN = {
  "app.name": "民呼我行",
  "app.tagline": "碑林区基层治理服务平台",
  "app.footer": "西安市碑林区 · 民呼我行",

  "language.label": "语言",
  "language.zh-CN": "中文",
  "language.en-US": "English",

  "login.title": "账号登录",
  "login.subtitle": "群众诉求 · 接诉即办 · 闭环治理",
  "login.username": "用户名",
  "login.password": "密码",
  "login.usernameRequired": "请输入用户名",
  "login.passwordRequired": "请输入密码",
  "login.submit": "登录",
  "login.failed": "登录失败",

  "session.loading": "正在加载…",
  "session.loadFailed": "无法获取登录状态",
  "session.logout": "退出登录",
  "session.expired": "登录已过期，请重新登录",

  "common.retry": "重试",
  "common.loading": "加载中…",
  "common.none": "无",
  "common.close": "关闭",
  "common.backHome": "返回首页",
  "common.openMenu": "打开菜单",

  "error.notFound.title": "页面不存在",
  "error.notFound.subtitle": "您访问的页面不存在或已被移除。",
  "error.forbidden.title": "无权访问",
  "error.forbidden.subtitle": "当前账号的角色不能访问此页面。",
  "error.loadFailed": "加载失败",
  "error.pageCrashed": "页面出现错误",

  "menu.home": "工作台",
  "menu.regions": "网格与辖区",

  "home.greeting": "您好，{name}",
  "home.profile": "账号信息",
  "home.displayName": "姓名",
  "home.username": "用户名",
  "home.role": "角色",
  "home.jurisdiction": "所辖区域",
  "home.unit": "所属单位",
  "home.permissions": "权限数",
  "home.shortcuts": "常用功能",
  "home.shortcut.regions": "查看辖区网格地图、社区与网格员信息",

  "role.resident": "居民",
  "role.operator": "接线员",
  "role.grid_worker": "网格员",
  "role.staff": "街道社区工作人员",
  "role.dispatcher": "派单员",
  "role.unit_handler": "承办单位人员",
  "role.supervisor": "督办员",
  "role.leader": "领导",
  "role.admin": "系统管理员",

  "level.district": "区",
  "level.street": "街道",
  "level.community": "社区",
  "level.grid": "网格",

  "regions.title": "网格与辖区",
  "regions.subtitle": "区 → 街道 → 社区 → 网格 四级网格化管理",
  "regions.gridCount": "{count} 个网格",
  "regions.tree": "辖区层级",
  "regions.treeEmpty": "暂无辖区数据",
  "regions.map": "网格地图",
  "regions.mapLoading": "正在绘制网格…",
  "regions.legend": "街道",
  "regions.showAll": "显示全部",
  "regions.detail.title": "网格详情",
  "regions.detail.name": "网格名称",
  "regions.detail.code": "网格编码",
  "regions.detail.community": "所属社区",
  "regions.detail.street": "所属街道",
  "regions.detail.partyBranch": "网格党支部",
  "regions.detail.workers": "网格员",
  "regions.detail.noWorkers": "暂未配置网格员",
  "regions.detail.phone": "联系电话",

  ...ordersZhCN,
  ...residentZhCN,
  ...gridZhCN,
  ...operatorZhCN,
  ...ledgersZhCN,
  ...opsZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
