import { App as AntdApp, ConfigProvider, type ThemeConfig } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { ElderlyContext, useElderly } from "./context";
import "./elderly.css";

const STORAGE_KEY = "minhu.elderly";
/** The class on <html> while an age-friendly page is shown: elderly.css hangs off it. */
export const ELDERLY_CLASS = "elderly";

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

/** Holds 长辈模式, remembered on this device (localStorage `minhu.elderly`). */
export function ElderlyProvider({ children }: { children: ReactNode }) {
  const [enabled, setEnabledState] = useState(readStored);
  const setEnabled = useCallback((next: boolean) => {
    try {
      localStorage.setItem(STORAGE_KEY, next ? "on" : "off");
    } catch {
      // Private browsing may forbid storage; the choice then lasts for this page only.
    }
    setEnabledState(next);
  }, []);
  const value = useMemo(() => ({ enabled, setEnabled }), [enabled, setEnabled]);
  return <ElderlyContext.Provider value={value}>{children}</ElderlyContext.Provider>;
}

/**
 * 长辈模式: larger text (18 px base), taller controls and darker, high-contrast colours. antd merges it
 * into the app's theme, so only what changes is listed.
 */
export const elderlyTheme: ThemeConfig = {
  token: {
    fontSize: 18,
    fontSizeSM: 16,
    fontSizeLG: 20,
    controlHeight: 44,
    controlHeightSM: 36,
    controlHeightLG: 52,
    colorPrimary: "#0b3d91",
    colorInfo: "#0b3d91",
    colorLink: "#0b3d91",
    colorText: "#000000",
    colorTextSecondary: "#262626",
    colorTextTertiary: "#333333",
    colorTextQuaternary: "#404040",
    colorTextDescription: "#333333",
    colorTextPlaceholder: "#4d4d4d",
    colorBorder: "#595959",
    colorError: "#b3000c",
    colorSuccess: "#1b6e1b",
    colorWarning: "#8a5300",
  },
  components: {
    // The switches (this mode's own among them) are 44 px touch targets too.
    Switch: {
      trackHeight: 44,
      trackMinWidth: 80,
      trackPadding: 3,
      handleSize: 38,
      innerMinMargin: 19,
      innerMaxMargin: 44,
    },
  },
};

/**
 * The frame of a page residents or the public see: in 长辈模式 {@link elderlyTheme} with the
 * `elderly` class on <html> (base font, targets, contrast in elderly.css). Staff pages are not
 * wrapped, so the mode never changes a workbench.
 */
export function ElderlyScope({ children }: { children: ReactNode }) {
  const { enabled } = useElderly();
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle(ELDERLY_CLASS, enabled);
    return () => root.classList.remove(ELDERLY_CLASS);
  }, [enabled]);
  // An inner <App>: its text size and colour, and its messages and modals, follow the mode's theme.
  return (
    <ConfigProvider theme={enabled ? elderlyTheme : undefined}>
      <AntdApp className="resident-scope">{children}</AntdApp>
    </ConfigProvider>
  );
}
