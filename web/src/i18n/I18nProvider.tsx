import { App as AntdApp, ConfigProvider } from "antd";
import enUSAntd from "antd/locale/en_US";
import zhCNAntd from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { setApiLanguage } from "../api/client";
import { appTheme } from "../theme";
import { I18nContext, LOCALES, type Locale, type Translate } from "./context";
import { enUS, type MessageKey, zhCN } from "./messages";

const STORAGE_KEY = "minhu.locale";
const messagesByLocale: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, "en-US": enUS };
const antdLocales = { "zh-CN": zhCNAntd, "en-US": enUSAntd };
const dayjsLocales: Record<Locale, string> = { "zh-CN": "zh-cn", "en-US": "en" };

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LOCALES.find((locale) => locale === stored) ?? "zh-CN";
  } catch {
    return "zh-CN";
  }
}

function applyLocale(locale: Locale): void {
  setApiLanguage(locale);
  dayjs.locale(dayjsLocales[locale]);
  document.documentElement.lang = locale;
}

const initialLocale = readStoredLocale();
applyLocale(initialLocale);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    applyLocale(locale);
    document.title = messagesByLocale[locale]["app.name"];
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may forbid storage; the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const t = useCallback<Translate>(
    (key, params) => {
      const template = messagesByLocale[locale][key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (match, name: string) =>
        name in params ? String(params[name]) : match,
      );
    },
    [locale],
  );

  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[locale]} theme={appTheme}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
