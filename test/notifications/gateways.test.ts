import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SMS_BODY, LOG_ONLY, NO_CITY } from "../../src/config.js";
import { deliverOutbox } from "../../src/server/jobs.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { categoryAt, must, pointInGrid, regionOf, submit, unitId } from "../helpers/orders.js";
import { FakeCityPlatform } from "../integrations/city-platform.js";

const SMS_SECRET = "sms-gateway-secret-0123456789";
let t: TestApp;
let gateway: FakeCityPlatform;
let smtp: SMTPServer;
let smtpPort: number;
const mails: { to: string; subject: string; text: string }[] = [];
let wechat: Server;
const wechatSent: Record<string, unknown>[] = [];
let tokensIssued = 0;

beforeAll(async () => {
  t = await createTestApp();
  gateway = new FakeCityPlatform(SMS_SECRET);
  await gateway.start();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? "";
        mails.push({ to: session.envelope.rcptTo[0]?.address ?? "", subject, text: raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  wechat = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://x");
      response.writeHead(200, { "content-type": "application/json" });
      if (url.pathname === "/cgi-bin/token" && url.searchParams.get("secret") === "wx-secret") {
        tokensIssued += 1;
        response.end(JSON.stringify({ access_token: "TOKEN-1", expires_in: 7200 }));
      } else if (
        url.pathname === "/cgi-bin/message/template/send" &&
        url.searchParams.get("access_token") === "TOKEN-1"
      ) {
        wechatSent.push(JSON.parse(body));
        response.end('{"errcode":0,"errmsg":"ok"}');
      } else response.end('{"errcode":40001,"errmsg":"invalid credential"}');
    });
  });
  await new Promise<void>((resolve) => wechat.listen(0, "127.0.0.1", resolve));
  t.ctx.city = { ...NO_CITY, retryBackoffMs: 1000 };
  t.ctx.notify = {
    ...LOG_ONLY,
    sms: {
      url: gateway.url,
      method: "POST",
      bodyTemplate: DEFAULT_SMS_BODY,
      contentType: "application/json",
      secret: SMS_SECRET,
    },
    email: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: "minhu@example.gov.cn" },
    wechat: {
      appId: "wx-app",
      appSecret: "wx-secret",
      templates: { "*": "TEMPLATE-ANY" },
      baseUrl: `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`,
    },
  };
});
afterAll(async () => {
  await gateway.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => wechat.close(() => resolve()));
  await t.close();
});

describe("the SMS gateway (a real local HTTP server)", () => {
  it("gets each message signed, once; with the gateway down messages wait and arrive after it is back", async () => {
    await gateway.stop();
    const base = new Date();
    t.setNow(base);
    for (const phone of ["13600000001", "13600000002"]) {
      const sent = await t.app.inject({ method: "POST", url: "/api/auth/phone/code", payload: { phone } });
      expect(sent.statusCode, sent.body).toBe(202);
    }
    expect(await deliverOutbox(t.ctx, ["notify.sms"])).toEqual({ delivered: 0, failed: 1 });
    t.setNow(new Date(base.getTime() + 1000));
    expect(await deliverOutbox(t.ctx, ["notify.sms"])).toEqual({ delivered: 0, failed: 1 });
    await gateway.start();
    t.setNow(new Date(base.getTime() + 3000));
    expect(await deliverOutbox(t.ctx, ["notify.sms"])).toEqual({ delivered: 2, failed: 0 });
    expect(await deliverOutbox(t.ctx, ["notify.sms"])).toEqual({ delivered: 0, failed: 0 });
    t.setNow(null);
    expect(gateway.accepted.map((m) => m.body.phone)).toEqual(["13600000001", "13600000002"]);
    expect(gateway.accepted[0].body.text).toMatch(/验证码是 [0-9]{6}/);
    expect(gateway.repeats).toBe(0);
    expect(gateway.badSignatures).toBe(0);
  });
});

describe("e-mail (a real local SMTP server) and WeChat template messages (a local stand-in)", () => {
  it("tells the unit handler of a new dispatch in the language they chose, on the channels they chose", async () => {
    const prefs = {
      mutedEvents: [],
      channels: ["inapp", "email", "wechat"],
      quietHours: null,
      locale: "en-US",
      email: "rsj-handler@example.gov.cn",
      wechatOpenid: "oWX-openid-001",
    };
    const saved = await t.app.inject({
      method: "PUT",
      url: "/api/notifications/preferences",
      headers: { cookie: await t.login("rsj-handler") },
      payload: prefs,
    });
    expect(saved.statusCode, saved.body).toBe(204);
    const created = await submit(t, "operator", {
      channel: "online",
      channelFields: { client: "h5" },
      content: "公司拖欠工资三个月，请求帮助",
      categoryCode: await categoryAt(t, "district", "rsj"),
      type: "complaint",
      location: await pointInGrid(t, await regionOf(t, "gridworker")),
    });
    const id = created.json().id as string;
    await must(t, "district-dispatcher", id, "accept");
    await must(t, "district-dispatcher", id, "dispatch", { mainUnitId: await unitId(t, "rsj") });
    expect(await deliverOutbox(t.ctx, ["notify.email", "notify.wechat"])).toEqual({
      delivered: 2,
      failed: 0,
    });
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe("rsj-handler@example.gov.cn");
    expect(mails[0].text).toContain("New dispatch");
    expect(wechatSent).toHaveLength(1);
    expect(wechatSent[0]).toMatchObject({ touser: "oWX-openid-001", template_id: "TEMPLATE-ANY" });
    expect(tokensIssued).toBe(1);
  });
});
