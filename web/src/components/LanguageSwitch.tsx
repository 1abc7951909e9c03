import { GlobalOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { LOCALES, useI18n } from "../i18n/context";

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((option) => ({ key: option, label: t(`language.${option}`) })),
        onClick: ({ key }) => setLocale(key as (typeof LOCALES)[number]),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t("language.label")}
        data-testid="language-switch"
      >
        {t(`language.${locale}`)}
      </Button>
    </Dropdown>
  );
}
