import { createContext, useCallback, useContext } from "react";
import { type MessageKey, type Translate, useI18n } from "../../i18n/context";
import { zhCN } from "../../i18n/messages";

/** 长辈模式: whether the resident and public pages are in the age-friendly mode, and the switch. */
export interface ElderlyValue {
  enabled: boolean;
  setEnabled: (enabled: boolean) => void;
}

export const ElderlyContext = createContext<ElderlyValue | null>(null);

/** The mode and its switch; needs {@link ElderlyProvider} above. */
export function useElderly(): ElderlyValue {
  const value = useContext(ElderlyContext);
  if (!value) throw new Error("useElderly must be used inside <ElderlyProvider>");
  return value;
}

/**
 * `t` with plainer words in 长辈模式: where `plain.<key>` exists, it replaces `<key>`, so the
 * bureaucratic text and its plain twin stay separate keys in both languages.
 */
export function usePlainT(): Translate {
  const { t } = useI18n();
  const { enabled } = useElderly();
  return useCallback<Translate>(
    (key, params) => {
      const plain = `plain.${key}`;
      return enabled && plain in zhCN ? t(plain as MessageKey, params) : t(key, params);
    },
    [enabled, t],
  );
}
