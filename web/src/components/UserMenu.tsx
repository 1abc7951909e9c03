import { BellOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Grid } from "antd";
import { useNavigate } from "react-router-dom";
import { useAuth, useMe } from "../auth/context";
import { useT } from "../i18n/context";

export function UserMenu() {
  const me = useMe();
  const { logout } = useAuth();
  const t = useT();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "role", label: t(`role.${me.role}`), disabled: true },
          { type: "divider" },
          { key: "notifications", icon: <BellOutlined />, label: t("notifications.settingsLink") },
          { key: "logout", icon: <LogoutOutlined />, label: t("session.logout"), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === "logout") void logout();
          if (key === "notifications") navigate("/notifications/settings");
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
