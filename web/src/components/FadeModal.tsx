import { ConfigProvider, Modal, type ModalProps } from "antd";
import { useContext } from "react";

/**
 * The app's dialog: antd's Modal, fading in where it stands instead of zooming out of the clicked
 * button. While it zooms, its buttons move under the pointer, and a click pressed on one and
 * released elsewhere goes to the dialog instead (a lost submit).
 */
export function FadeModal(props: ModalProps) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  return <Modal transitionName={getPrefixCls("fade")} {...props} />;
}
