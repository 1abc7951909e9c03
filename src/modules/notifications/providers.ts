import type { Kysely } from "kysely";
import type { Transporter } from "nodemailer";
import type { EmailConfig, NotifyConfig, SmsGatewayConfig, WechatConfig } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { maskPhone, type PhoneVault } from "../../platform/privacy/phone.js";
import { signedHeaders } from "../../platform/signing.js";
import type { Destination } from "../outbox/deliver.js";
import { type NotificationPayload, topicOf } from "./enqueue.js";
import { localeOf, writeLog } from "./repository.js";
import { NOTIFY_EVENTS, type NotifyEvent, type Params } from "./rules.js";
import { type Locale, renderText } from "./texts.js";

const TIMEOUT_MS = 10_000;

/** A message ready to leave: the text in the recipient's language and where it goes. */
interface Rendered {
  key: string;
  payload: NotificationPayload;
  locale: Locale;
  text: string;
}

/**
 * The outbox destinations of the notification channels, each a provider chosen by configuration:
 * SMS through the HTTP gateway, WeChat template messages, e-mail over SMTP; a channel without its
 * settings goes to the log provider (notification_log), which an administrator reads in the app.
 */
export function notifyDestinations(
  config: NotifyConfig,
  db: Kysely<DB>,
  vault: PhoneVault,
  now: () => Date,
): Record<string, Destination> {
  const render = renderer(db, vault);
  const log = logSender(db, vault, now);
  const via = (send: (message: Rendered) => Promise<string | null>): Destination => ({
    send: async (message) => {
      const rendered = await render(message);
      return typeof rendered === "string" ? rendered : send(rendered);
    },
  });
  return {
    [topicOf("sms")]: via(config.sms ? smsSender(config.sms, vault, now) : (m) => log("sms", m)),
    [topicOf("wechat")]: via(config.wechat ? wechatSender(config.wechat) : (m) => log("wechat", m)),
    [topicOf("email")]: via(config.email ? emailSender(config.email) : (m) => log("email", m)),
  };
}

/** Reads an outbox payload (written by enqueue.ts) and renders it in the recipient's language now. */
function renderer(db: Kysely<DB>, vault: PhoneVault) {
  return async (message: { key: string; payload: Record<string, unknown> }): Promise<Rendered | string> => {
    const p = message.payload;
    if (!NOTIFY_EVENTS.includes(p.event as NotifyEvent) || typeof p.params !== "object" || p.params === null)
      return "bad payload: unknown event or parameters";
    const payload: NotificationPayload = {
      event: p.event as NotifyEvent,
      params: opened(p.params as Params, vault),
      userId: typeof p.userId === "number" ? p.userId : null,
      ...(typeof p.phoneCipher === "string" ? { phoneCipher: p.phoneCipher } : {}),
      ...(typeof p.email === "string" ? { email: p.email } : {}),
      ...(typeof p.openid === "string" ? { openid: p.openid } : {}),
    };
    const locale = await localeOf(db, payload.userId);
    return { key: message.key, payload, locale, text: renderText(locale, payload.event, payload.params) };
  };
}

/** A sign-in code travels encrypted (`codeCipher`, see sendSignInCode) and is opened only to be sent. */
function opened(params: Params, vault: PhoneVault): Params {
  const { codeCipher, ...rest } = params;
  return typeof codeCipher === "string" ? { ...rest, code: vault.decrypt(codeCipher) } : params;
}

/** The embedded default: the message is kept in notification_log (once per key), nothing leaves. */
function logSender(db: Kysely<DB>, vault: PhoneVault, now: () => Date) {
  return async (channel: string, m: Rendered): Promise<string | null> => {
    const phone = m.payload.phoneCipher ? vault.decrypt(m.payload.phoneCipher) : null;
    const recipient = phone ? maskPhone(phone) : (m.payload.email ?? m.payload.openid ?? "");
    await writeLog(
      db,
      {
        channel,
        recipient,
        phoneHash: phone ? vault.lookupHash(phone) : null,
        userId: m.payload.userId,
        event: m.payload.event,
        body: m.text,
        key: m.key,
      },
      now(),
    );
    return null;
  };
}

/** 短信网关: the configured request with the body template filled in, signed when a secret is set. */
function smsSender(config: SmsGatewayConfig, vault: PhoneVault, now: () => Date) {
  return async (m: Rendered): Promise<string | null> => {
    if (!m.payload.phoneCipher) return "bad payload: no phone";
    const values: Record<string, string> = {
      phone: vault.decrypt(m.payload.phoneCipher),
      text: m.text,
      event: m.payload.event,
      key: m.key,
    };
    const body = config.bodyTemplate.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      JSON.stringify(values[name] ?? "").slice(1, -1),
    );
    const headers: Record<string, string> = {
      "content-type": config.contentType,
      "idempotency-key": m.key,
      ...(config.secret ? signedHeaders(config.secret, m.key, body, now()) : {}),
    };
    const url =
      config.method === "GET" ? `${config.url}${config.url.includes("?") ? "&" : "?"}${body}` : config.url;
    return request(url, { method: config.method, headers, body: config.method === "GET" ? undefined : body });
  };
}

/** 微信模板消息: an access token (cached until shortly before it expires), then the template send. */
function wechatSender(config: WechatConfig) {
  let token: { value: string; until: number } | null = null;
  const accessToken = async (): Promise<string> => {
    if (token && token.until > Date.now()) return token.value;
    const url = `${config.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(config.appId)}&secret=${encodeURIComponent(config.appSecret)}`;
    const answer = (await (await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) })).json()) as {
      access_token?: string;
      expires_in?: number;
      errmsg?: string;
    };
    if (!answer.access_token) throw new Error(`wechat token: ${answer.errmsg ?? "no access_token"}`);
    token = { value: answer.access_token, until: Date.now() + ((answer.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  };
  return async (m: Rendered): Promise<string | null> => {
    if (!m.payload.openid) return "bad payload: no openid";
    const templateId = config.templates[m.payload.event] ?? config.templates["*"];
    if (!templateId) return `no WeChat template for ${m.payload.event} (MINHU_WECHAT_TEMPLATES)`;
    let value: string;
    try {
      value = await accessToken();
    } catch (error) {
      return `unreachable: ${error instanceof Error ? error.message : String(error)}`;
    }
    const link = typeof m.payload.params.link === "string" ? { url: m.payload.params.link } : {};
    const body = JSON.stringify({
      touser: m.payload.openid,
      template_id: templateId,
      ...link,
      data: { first: { value: m.text }, keyword1: { value: String(m.payload.params.orderNo ?? "") } },
    });
    const url = `${config.baseUrl}/cgi-bin/message/template/send?access_token=${encodeURIComponent(value)}`;
    const problem = await request(
      url,
      { method: "POST", headers: { "content-type": "application/json" }, body },
      true,
    );
    // An expired token: fetch a new one on the next attempt.
    if (problem?.includes("40001") || problem?.includes("42001")) token = null;
    return problem;
  };
}

/** 邮件: one message per notification over SMTP; the first line of the text is the subject. */
function emailSender(config: EmailConfig) {
  let transport: Transporter | undefined;
  return async (m: Rendered): Promise<string | null> => {
    if (!m.payload.email) return "bad payload: no e-mail address";
    try {
      // Loaded with the first e-mail: most installations never send one, and every start paid for it.
      transport ??= (await import("nodemailer")).default.createTransport(config.smtpUrl);
      await transport.sendMail({
        from: config.from,
        to: m.payload.email,
        subject: m.text.split(/[：:]/)[0].slice(0, 80),
        text: m.text,
        headers: { "X-Minhu-Idempotency-Key": m.key },
      });
      return null;
    } catch (error) {
      return `unreachable: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
}

/** One HTTP request: null when 2xx (and, for WeChat, errcode 0), else why not. */
async function request(url: string, init: RequestInit, wechat = false): Promise<string | null> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await response.text().catch(() => "");
    if (!response.ok) return `HTTP ${response.status} ${text.slice(0, 200)}`.trim();
    if (wechat) {
      const errcode = (JSON.parse(text || "{}") as { errcode?: number }).errcode ?? 0;
      if (errcode !== 0) return `wechat errcode ${errcode}: ${text.slice(0, 200)}`;
    }
    return null;
  } catch (error) {
    return `unreachable: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
  }
}
