import { MessageOutlined, MobileOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Space } from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useAuth } from "../../auth/context";
import { messageOf } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";

interface PhoneValues {
  phone: string;
  code: string;
  displayName?: string;
}

/** A mainland mobile number, as the server accepts it (+86 and separators allowed). */
const PHONE = /^(\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}$/;
/** The server sends at most one code a minute to a phone. */
const RESEND_AFTER_S = 60;

/**
 * 手机号登录 A resident's sign-in (or sign-up) with a one-time code sent to their phone: the masked
 * number it went to, a countdown until another may be sent, the server's refusals (RATE_LIMITED,
 * INVALID_CODE) in the reader's language. `onSignedIn` runs once the session is set.
 */
export function PhoneSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT();
  const { loginWithPhone } = useAuth();
  const [form] = Form.useForm<PhoneValues>();
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState<{ sentTo: string; minutes: number } | null>(null);
  const [wait, setWait] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((seconds) => seconds - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    const { phone } = await form.validateFields(["phone"]).catch(() => ({ phone: null }));
    if (!phone) return;
    setSending(true);
    setError(null);
    try {
      const answer = await api.phoneCode({ phone: phone.trim() });
      setSent({ sentTo: answer.sentTo, minutes: Math.round(answer.expiresInSeconds / 60) });
      setWait(RESEND_AFTER_S);
    } catch (failure) {
      setError(messageOf(failure));
      // Refused for sending too often: count down the server's own wait, not a guess.
      if (failure instanceof ApiError && failure.retryAfterSeconds)
        setWait(Math.ceil(failure.retryAfterSeconds));
    } finally {
      setSending(false);
    }
  };

  const submit = async (values: PhoneValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const name = values.displayName?.trim();
      await loginWithPhone({
        phone: values.phone.trim(),
        code: values.code.trim(),
        ...(name ? { displayName: name } : {}),
      });
      onSignedIn();
    } catch (failure) {
      setError(messageOf(failure));
      setSubmitting(false);
    }
  };

  return (
    <Form<PhoneValues>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={submit}
      data-testid="phone-sign-in"
    >
      <Alert type="info" title={t("login.phoneIntro")} className="login__alert" />
      {error && (
        <Alert type="error" showIcon title={error} className="login__alert" data-testid="login-error" />
      )}
      {sent && !error && (
        <Alert
          type="success"
          showIcon
          title={t("login.codeSent", { phone: sent.sentTo, minutes: sent.minutes })}
          className="login__alert"
          data-testid="phone-code-sent"
        />
      )}
      <Form.Item
        name="phone"
        label={t("login.phone")}
        rules={[
          { required: true, whitespace: true, message: t("login.phoneRequired") },
          { pattern: PHONE, message: t("login.phoneInvalid") },
        ]}
      >
        <Input prefix={<MobileOutlined />} inputMode="tel" autoComplete="tel" data-testid="phone-number" />
      </Form.Item>
      <Form.Item label={t("login.code")} required>
        <Space.Compact style={{ width: "100%" }}>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, pattern: /^\s*[0-9]{6}\s*$/, message: t("login.codeRequired") }]}
          >
            <Input
              prefix={<MessageOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              aria-label={t("login.code")}
              data-testid="phone-code"
            />
          </Form.Item>
          <Button
            onClick={sendCode}
            loading={sending}
            disabled={wait > 0}
            data-testid="send-code"
            data-wait={wait}
          >
            {wait > 0 ? t("login.resendIn", { seconds: wait }) : t("login.sendCode")}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="displayName" label={t("login.displayName")}>
        <Input
          prefix={<UserOutlined />}
          maxLength={40}
          autoComplete="name"
          data-testid="phone-display-name"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting} data-testid="phone-submit">
        {t("login.phoneSubmit")}
      </Button>
    </Form>
  );
}
