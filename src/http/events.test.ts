import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/helpers/database.js";
import { SseReader } from "../../test/platform/sse-client.js";
import type { Database } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import type { AppContext } from "../modules/context.js";
import { createSession, endSession, SESSION_COOKIE } from "../platform/auth/session.js";
import { EventHub } from "../platform/events/hub.js";
import { type OrderChange, publishOrderChange } from "../platform/events/publish.js";
import { installAccessControl } from "./access.js";
import { installErrorHandler } from "./errors.js";
import { eventRoutes } from "./events.js";

const STREET = "610103001";
const PING_MS = 100;

let database: Database;
let app: FastifyInstance;
let base: string;
const hub = new EventHub();

beforeAll(async () => {
  database = await openTestDatabase();
  await migrateToLatest(database.db);
  await database.db
    .insertInto("regions")
    .values([
      { code: "610103", name: "碑林区", level: "district", parent_code: null },
      { code: STREET, name: "南院门街道", level: "street", parent_code: "610103" },
    ])
    .execute();
  await hub.start(database);
  // The stream reads nothing of the context but the database and the clock.
  const ctx = { database, db: database.db, now: () => new Date() } as AppContext;
  app = Fastify();
  await app.register(cookie);
  await app.register(swagger, { openapi: { info: { title: "test", version: "0" } } });
  installErrorHandler(app);
  installAccessControl(app, ctx);
  await app.register(eventRoutes, { ctx, hub, pingIntervalMs: PING_MS });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app.close();
  await hub.stop();
  await database.close();
});

let users = 0;
/** A new street staff member, signed in: returns the Cookie header and the session token. */
async function signIn(): Promise<{ cookie: string; token: string }> {
  users += 1;
  const user = await database.db
    .insertInto("users")
    .values({
      username: `staff${users}`,
      display_name: "王",
      password_hash: "x",
      role: "staff",
      region_code: STREET,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const token = await createSession(database.db, user.id, new Date());
  return { cookie: `${SESSION_COOKIE}=${token}`, token };
}

async function connect(cookie?: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${base}/api/events/stream`, { headers: cookie ? { cookie } : {}, signal });
}

function change(regionCode: string): OrderChange {
  return {
    orderId: "9",
    orderNo: "20250303-0009",
    action: "sign",
    state: "handling",
    regionCode,
    holderRegionCode: regionCode,
    unitIds: [],
    residentId: null,
    at: "2025-03-03T09:00:00.000Z",
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("GET /api/events/stream", () => {
  it("refuses an anonymous client", async () => {
    const response = await connect();
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe("UNAUTHENTICATED");
  });

  it("opens with a retry delay and a ready event, then streams the committed changes the user may see", async () => {
    const { cookie } = await signIn();
    const abort = new AbortController();
    const response = await connect(cookie, abort.signal);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const stream = new SseReader(response);
    expect(await stream.nextBlock()).toBe("retry: 3000");
    expect(await stream.nextEvent()).toEqual({ event: "ready", data: "{}" });

    const elsewhere = change("610103002001001");
    const inStreet = change(`${STREET}001001`);
    await database.db.transaction().execute(async (trx) => {
      await publishOrderChange(trx, elsewhere);
      await publishOrderChange(trx, inStreet);
    });
    const event = await stream.nextEvent();
    expect(event?.event).toBe("order");
    expect(JSON.parse(event?.data ?? "")).toEqual(inStreet);
    abort.abort();
  });

  it("pings while the session lasts and ends the stream once the user signs out", async () => {
    const { cookie, token } = await signIn();
    const stream = new SseReader(await connect(cookie));
    expect(await stream.until((block) => block === ": ping")).toBe(": ping");

    await endSession(database.db, token);
    expect(await stream.until(() => false)).toBeNull();
  });

  it("unsubscribes when the client disconnects", async () => {
    const { cookie } = await signIn();
    const before = hub.size;
    const abort = new AbortController();
    const stream = new SseReader(await connect(cookie, abort.signal));
    await stream.nextEvent();
    expect(hub.size).toBe(before + 1);

    abort.abort();
    await until(() => hub.size === before);
  });

  it("is documented in the OpenAPI description as an event stream", () => {
    const operation = app.swagger().paths?.["/api/events/stream"]?.get;
    expect(operation?.summary).toMatch(/server-sent events/);
    expect(JSON.stringify(operation?.responses)).toContain("text/event-stream");
  });
});

describe("closing the server", () => {
  it("ends open streams instead of waiting for them", async () => {
    const { cookie } = await signIn();
    const stream = new SseReader(await connect(cookie));
    await stream.nextEvent();

    const closing = app.close();
    expect(await stream.until(() => false)).toBeNull();
    // fetch keeps a spare socket that never sent a request, which Node's close would wait for until
    // fetch drops it; the stream itself has already been ended by the server.
    app.server.closeAllConnections();
    await closing;
  });
});
