import { ConfigProvider } from "antd";
import { useContext } from "react";

/**
 * The transition for a Modal that holds a form: it fades in where it stands instead of antd's zoom
 * out of the clicked button. While it zooms, its buttons move under the pointer, and a click pressed
 * on one and released elsewhere goes to the dialog instead (a lost submit).
 */
export function useModalFade(): string {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  return getPrefixCls("fade");
}
