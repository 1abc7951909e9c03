import { FileSearchOutlined, LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Tabs, Typography } from "antd";
import { useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { useAuth } from "../../auth/context";
import { BrandMark } from "../../components/BrandMark";
import { ElderlyScope, ElderlySwitch } from "../../components/elderly";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useT } from "../../i18n/context";
import { PhoneSignIn } from "./PhoneSignIn";

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths may be used as the post-login target. */
function safeNextPath(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default function LoginPage() {
  const t = useT();
  const { session, login } = useAuth();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [submitting, setSubmitting] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const nextPath = safeNextPath(searchParams.get("next"));
  // `?via=phone` opens the residents' phone sign-in (a link from SMS or the resident pages).
  const via = searchParams.get("via") === "phone" ? "phone" : "password";

  if (session.status === "authenticated" && !submitting) return <Navigate to={nextPath} replace />;

  const submit = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setErrorMessage(null);
    try {
      await login(username.trim(), password);
      navigate(nextPath, { replace: true });
    } catch (error) {
      setErrorMessage(error instanceof Error ? error.message : String(error));
      setSubmitting(false);
    }
  };

  // Residents sign in here too: 长辈模式 can be switched on before they do.
  return (
    <ElderlyScope>
      <div className="login">
        <div className="login__language">
          <ElderlySwitch />
          <LanguageSwitch />
        </div>
        <div className="login__hero">
          <BrandMark inverted />
          <Typography.Title level={1} className="login__slogan">
            {t("login.subtitle")}
          </Typography.Title>
        </div>
        <Card className="login__card" variant="borderless">
          <Typography.Title level={3} className="login__title">
            {t("login.title")}
          </Typography.Title>
          {searchParams.get("expired") && !errorMessage && (
            <Alert type="warning" showIcon title={t("session.expired")} className="login__alert" />
          )}
          {errorMessage && (
            <Alert
              type="error"
              showIcon
              title={errorMessage}
              className="login__alert"
              data-testid="login-error"
            />
          )}
          <Tabs
            activeKey={via}
            centered
            onChange={(key) => {
              const next = new URLSearchParams(searchParams);
              if (key === "phone") next.set("via", "phone");
              else next.delete("via");
              setErrorMessage(null);
              setSearchParams(next, { replace: true });
            }}
            items={[
              {
                key: "password",
                label: t("login.tab.password"),
                children: (
                  <Form<Credentials> layout="vertical" size="large" onFinish={submit} requiredMark={false}>
                    <Form.Item
                      name="username"
                      label={t("login.username")}
                      rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
                    >
                      <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
                    </Form.Item>
                    <Form.Item
                      name="password"
                      label={t("login.password")}
                      rules={[{ required: true, message: t("login.passwordRequired") }]}
                    >
                      <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" block loading={submitting}>
                      {t("login.submit")}
                    </Button>
                  </Form>
                ),
              },
              {
                key: "phone",
                label: <span data-testid="login-tab-phone">{t("login.tab.phone")}</span>,
                children: (
                  <PhoneSignIn
                    onSignedIn={() => {
                      setSubmitting(true);
                      navigate(searchParams.get("next") ? nextPath : "/resident", { replace: true });
                    }}
                  />
                ),
              },
            ]}
          />
          <Link to="/track" className="login__track" data-testid="login-track">
            <FileSearchOutlined /> {t("login.track")}
          </Link>
        </Card>
        <div className="login__footer">{t("app.footer")}</div>
      </div>
    </ElderlyScope>
  );
}
