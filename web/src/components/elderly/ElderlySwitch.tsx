import { Switch } from "antd";
import { useId } from "react";
import { useT } from "../../i18n/context";
import { useElderly } from "./context";

/** The visible 长辈模式 switch of every resident and public page. */
export function ElderlySwitch() {
  const t = useT();
  const { enabled, setEnabled } = useElderly();
  const id = useId();
  return (
    <span className="elderly-switch">
      <label htmlFor={id} className="elderly-switch__label">
        {t("elderly.switch")}
      </label>
      <Switch id={id} checked={enabled} onChange={setEnabled} data-testid="elderly-switch" />
    </span>
  );
}
