import type { Database } from "../../src/db/database.js";
import { buildApp } from "../../src/http/app.js";
import type { App } from "../../src/http/plugin.js";
import type { AppContext } from "../../src/modules/context.js";
import { PhoneVault } from "../../src/platform/privacy/phone.js";
import { DEMO_PASSWORD } from "../../src/seed/demo-accounts.js";
import { createContext, prepareDatabase } from "../../src/server/bootstrap.js";
import { openTestDatabase, preparedKey } from "./database.js";

export interface TestApp {
  app: App;
  ctx: AppContext;
  database: Database;
  /** Signs in a demo account and returns the Cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  /** Moves the server's clock (null: back to real time); sessions are signed in again on the new clock. */
  setNow(instant: Date | null): void;
  close(): Promise<void>;
}

/** The whole application on a fresh database with reference data and demo accounts; one per test file. */
export async function createTestApp(): Promise<TestApp> {
  const database = await openTestDatabase({ prepared: true });
  const secretKey = preparedKey();
  await prepareDatabase(database, new PhoneVault(secretKey), { demo: true });
  const ctx = await createContext(database, { secretKey, tileUrl: null, tileAttribution: null });
  const app = await buildApp(ctx);
  await app.ready();
  const cookies = new Map<string, string>();
  return {
    app,
    ctx,
    database,
    async login(username, password = DEMO_PASSWORD) {
      const cached = cookies.get(username);
      if (cached && password === DEMO_PASSWORD) return cached;
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
      });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      const session = response.cookies.find((c) => c.name === "minhu_session");
      if (!session) throw new Error("no session cookie");
      const header = `minhu_session=${session.value}`;
      cookies.set(username, header);
      return header;
    },
    setNow(instant) {
      ctx.now = instant ? () => new Date(instant.getTime()) : () => new Date();
      cookies.clear();
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
