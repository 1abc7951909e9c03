import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Grid } from "antd";
import { useAuth, useMe } from "../auth/context";
import { useT } from "../i18n/context";

export function UserMenu() {
  const me = useMe();
  const { logout } = useAuth();
  const t = useT();
  const screens = Grid.useBreakpoint();

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "role", label: t(`role.${me.role}`), disabled: true },
          { type: "divider" },
          { key: "logout", icon: <LogoutOutlined />, label: t("session.logout"), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === "logout") void logout();
        },
      }}
    >
      <Button type="text" className="user-menu" data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} className="user-menu__avatar" />
        {screens.sm && <span>{me.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
