import type { ThemeConfig } from "antd";

export const BRAND_BLUE = "#1e5bb8";

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    borderRadius: 6,
    colorBgLayout: "#f2f5f9",
    // antd's greys for secondary text and placeholders, and its red, fall short of WCAG AA (4.5:1
    // on white and on the layout's #f2f5f9): the same, darkened, on every page.
    colorTextTertiary: "#595959",
    colorTextDescription: "#595959",
    colorTextQuaternary: "#666666",
    colorTextPlaceholder: "#666666",
    colorError: "#cf1322",
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#0f2f5c", headerPadding: "0 20px", headerHeight: 56 },
    Menu: {
      darkItemBg: "#0f2f5c",
      darkSubMenuItemBg: "#0b2548",
      darkItemSelectedBg: BRAND_BLUE,
    },
  },
};
