import { PhoneFilled } from "@ant-design/icons";
import { Button } from "antd";
import { useT } from "../../i18n/context";
import { useElderly } from "./context";

/** 长辈模式's prominent call to the 12345 hotline (tel: link); nothing in the normal mode. */
export function HotlineButton() {
  const t = useT();
  const { enabled } = useElderly();
  if (!enabled) return null;
  return (
    <div className="elderly-hotline">
      <Button
        type="primary"
        danger
        size="large"
        block
        href="tel:12345"
        icon={<PhoneFilled />}
        className="elderly-hotline__button"
        data-testid="elderly-hotline"
      >
        {t("elderly.hotline")}
      </Button>
      <div className="elderly-hotline__hint">{t("elderly.hotlineHint")}</div>
    </div>
  );
}
