import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** Which proxies to believe, as Fastify takes it. */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/** Settings read from the environment once, at start. */
export interface Config {
  port: number;
  /** The address to bind (MINHU_HOST, default 127.0.0.1: only this machine until you expose it). */
  host: string;
  /**
   * MINHU_TRUST_PROXY: which proxies' X-Forwarded-For/-Proto to believe — "true" (any), a hop count,
   * or a comma-separated list of addresses/CIDRs; off by default, so a client cannot forge its address.
   */
  trustProxy: TrustProxy;
  /** Embedded database and generated secrets live here (MINHU_DATA_DIR, default ./.minhu). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Encrypts phones; MINHU_SECRET_KEY (hex or base64, ≥ 32 bytes) or generated into the data dir. */
  secretKey: Buffer;
  /** Optional map tiles; grids render without them. */
  tileUrl: string | null;
  tileAttribution: string | null;
  /**
   * The datum of the tiles (MINHU_TILE_CRS): "wgs84" (天地图 / CGCS2000, OpenStreetMap, most
   * intranet servers) or "gcj02" (高德, 腾讯); the web map shifts GCJ-02 tiles under the WGS-84 data.
   */
  tileCrs: "wgs84" | "gcj02";
  /** Run background jobs (deadline checks, warnings) in this instance. */
  runJobs: boolean;
  /** Add the demo year of history on the first embedded start (MINHU_DEMO_HISTORY=off skips it). */
  demoHistory: boolean;
  /** How often the early-warning rules run (MINHU_WARNINGS_EVERY_MINUTES, default 15). */
  warningsEveryMs: number;
  /** The city's 12345 platform: pushes in, results out (MINHU_CITY_*). */
  city: CityConfig;
  /** Notification providers: SMS gateway, WeChat, e-mail; the log provider otherwise (MINHU_SMS_*, …). */
  notify: NotifyConfig;
}

/** How often the warning rules run by default: a spike or a due-soon order is worth knowing within the quarter hour. */
const DEFAULT_WARNINGS_EVERY_MS = 15 * 60_000;

/** 12345 接入 How Minhu talks to the city hotline platform. */
export interface CityConfig {
  /** Shared HMAC secret: signs results sent out and checks orders pushed in (MINHU_CITY_SECRET). */
  secret: string | null;
  /** Where replies, visits and closures of 12345 orders are POSTed (MINHU_CITY_RESULTS_URL). */
  resultsUrl: string | null;
  /** Wait after a failed delivery, doubled after each further one (MINHU_CITY_RETRY_SECONDS, default 30). */
  retryBackoffMs: number;
  /** Failed attempts after which a message waits for an administrator (MINHU_CITY_MAX_ATTEMPTS, default 12). */
  maxAttempts: number;
  /** How often the outbox is delivered (MINHU_OUTBOX_EVERY_SECONDS, default 5). */
  deliverEveryMs: number;
}

/** Nothing configured: pushes are refused and results wait in the outbox. */
export const NO_CITY: CityConfig = {
  secret: null,
  resultsUrl: null,
  retryBackoffMs: 30_000,
  maxAttempts: 12,
  deliverEveryMs: 5_000,
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.MINHU_DATA_DIR ?? ".minhu");
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    host: env.MINHU_HOST ?? env.HOST ?? "127.0.0.1",
    trustProxy: trustProxyOf(env.MINHU_TRUST_PROXY),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    secretKey: env.MINHU_SECRET_KEY ? parseKey(env.MINHU_SECRET_KEY) : generatedKey(dataDir),
    tileUrl: env.MINHU_TILE_URL || null,
    tileAttribution: env.MINHU_TILE_ATTRIBUTION || null,
    tileCrs: tileCrs(env.MINHU_TILE_CRS),
    runJobs: env.MINHU_JOBS !== "off",
    demoHistory: env.MINHU_DEMO_HISTORY !== "off",
    warningsEveryMs: minutes(env.MINHU_WARNINGS_EVERY_MINUTES, DEFAULT_WARNINGS_EVERY_MS),
    city: {
      secret: env.MINHU_CITY_SECRET || null,
      resultsUrl: env.MINHU_CITY_RESULTS_URL || null,
      retryBackoffMs: seconds(env.MINHU_CITY_RETRY_SECONDS, NO_CITY.retryBackoffMs),
      maxAttempts: Math.round(seconds(env.MINHU_CITY_MAX_ATTEMPTS, NO_CITY.maxAttempts * 1000) / 1000),
      deliverEveryMs: seconds(env.MINHU_OUTBOX_EVERY_SECONDS, NO_CITY.deliverEveryMs),
    },
    notify: loadNotifyConfig(env, port),
  };
}

function seconds(text: string | undefined, fallbackMs: number): number {
  if (!text) return fallbackMs;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`not a positive number: ${text}`);
  return Math.round(value * 1000);
}

function trustProxyOf(text: string | undefined): TrustProxy {
  if (!text || text === "false" || text === "off") return false;
  if (text === "true" || text === "on") return true;
  if (/^[0-9]+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  return text.split(",").map((part) => part.trim());
}

function tileCrs(text: string | undefined): "wgs84" | "gcj02" {
  const value = (text || "wgs84").toLowerCase();
  if (value === "wgs84" || value === "cgcs2000") return "wgs84";
  if (value === "gcj02") return "gcj02";
  throw new Error(`MINHU_TILE_CRS must be wgs84 (also for 天地图/CGCS2000) or gcj02, not ${text}`);
}

function minutes(text: string | undefined, fallbackMs: number): number {
  if (!text) return fallbackMs;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`not a positive number of minutes: ${text}`);
  return Math.round(value * 60_000);
}

function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]+$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length < 32) throw new Error("MINHU_SECRET_KEY must hold at least 32 bytes (64 hex digits)");
  return key;
}

/** For the embedded default: a key made on first start and kept beside the database. */
function generatedKey(dataDir: string): Buffer {
  const file = join(dataDir, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return parseKey(readFileSync(file, "utf8").trim());
}

/**
 * 消息通知 How notifications leave Minhu: one provider per channel, chosen by configuration. A channel
 * without its settings falls back to the `log` provider, whose messages an administrator reads in the
 * app (集成 → 通知日志), so the whole flow works with no gateway at all.
 */
export interface NotifyConfig {
  /** Where rating links point (MINHU_PUBLIC_URL, e.g. https://minhu.example.gov.cn); default http://localhost:PORT. */
  publicUrl: string;
  sms: SmsGatewayConfig | null;
  wechat: WechatConfig | null;
  email: EmailConfig | null;
}

/** A generic HTTP SMS gateway (MINHU_SMS_*). */
export interface SmsGatewayConfig {
  url: string;
  method: "POST" | "PUT" | "GET";
  /** `{{phone}}`, `{{text}}`, `{{event}}` and `{{key}}` are replaced, JSON-escaped (MINHU_SMS_BODY). */
  bodyTemplate: string;
  contentType: string;
  /** HMAC-SHA256 secret: X-Minhu-Signature over timestamp, key and body (MINHU_SMS_SECRET). */
  secret: string | null;
}

/** WeChat official-account template messages (MINHU_WECHAT_*). */
export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** Template id per event code, "*" for any other (MINHU_WECHAT_TEMPLATES="order_dispatched=ID,*=ID"). */
  templates: Record<string, string>;
  /** https://api.weixin.qq.com by default; a local server can stand in (MINHU_WECHAT_BASE_URL). */
  baseUrl: string;
}

/** E-mail through SMTP with nodemailer (MINHU_SMTP_URL, MINHU_MAIL_FROM). */
export interface EmailConfig {
  smtpUrl: string;
  from: string;
}

export const DEFAULT_SMS_BODY = '{"phone":"{{phone}}","text":"{{text}}"}';

/** Reads the notification settings from the environment; unset channels use the log provider. */
export function loadNotifyConfig(env: NodeJS.ProcessEnv, port: number): NotifyConfig {
  return {
    publicUrl: (env.MINHU_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ""),
    sms: env.MINHU_SMS_URL
      ? {
          url: env.MINHU_SMS_URL,
          method: smsMethod(env.MINHU_SMS_METHOD),
          bodyTemplate: env.MINHU_SMS_BODY || DEFAULT_SMS_BODY,
          contentType: env.MINHU_SMS_CONTENT_TYPE || "application/json; charset=utf-8",
          secret: env.MINHU_SMS_SECRET || null,
        }
      : null,
    wechat:
      env.MINHU_WECHAT_APP_ID && env.MINHU_WECHAT_APP_SECRET
        ? {
            appId: env.MINHU_WECHAT_APP_ID,
            appSecret: env.MINHU_WECHAT_APP_SECRET,
            templates: templateMap(env.MINHU_WECHAT_TEMPLATES ?? ""),
            baseUrl: (env.MINHU_WECHAT_BASE_URL || "https://api.weixin.qq.com").replace(/\/+$/, ""),
          }
        : null,
    email: env.MINHU_SMTP_URL
      ? { smtpUrl: env.MINHU_SMTP_URL, from: env.MINHU_MAIL_FROM || "minhu@localhost" }
      : null,
  };
}

/** Nothing configured: every channel goes to the log provider. */
export const LOG_ONLY: NotifyConfig = {
  publicUrl: "http://localhost:3000",
  sms: null,
  wechat: null,
  email: null,
};

function smsMethod(text: string | undefined): SmsGatewayConfig["method"] {
  const method = (text || "POST").toUpperCase();
  if (method === "POST" || method === "PUT" || method === "GET") return method;
  throw new Error(`MINHU_SMS_METHOD must be POST, PUT or GET, not ${text}`);
}

function templateMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const [event, id] = pair.split("=").map((part) => part.trim());
    if (event && id) map[event] = id;
  }
  return map;
}
