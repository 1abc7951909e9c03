import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/database.js";
import { serverUrlOf } from "../../../test/platform/server-url.js";
import { type Database, openDatabase } from "../../db/database.js";
import type { Actor } from "../auth/permissions.js";
import { EventHub } from "./hub.js";
import {
  ORDER_CHANNEL,
  type OrderChange,
  publishOrderChange,
  publishWarningNotice,
  type WarningNotice,
} from "./publish.js";

const STREET = "610103001";
const streetStaff: Actor = {
  id: 1,
  username: "wang",
  role: "staff",
  regionCode: STREET,
  unitId: null,
  unitRegionCode: null,
};

let serial = 0;
/** A fresh change in STREET, or wherever `regionCode` says. */
function change(regionCode = `${STREET}001001`): OrderChange {
  serial += 1;
  return {
    orderId: String(serial),
    orderNo: `20250303-${String(serial).padStart(4, "0")}`,
    action: "dispatch",
    state: "dispatched",
    regionCode,
    holderRegionCode: regionCode,
    unitIds: [],
    residentId: null,
    at: new Date().toISOString(),
  };
}

/** Resolves once `received` holds `count` changes; fails after a few seconds. */
async function waitFor(received: unknown[], count: number): Promise<void> {
  for (let waited = 0; received.length < count; waited += 10) {
    if (waited > 5000) throw new Error(`got ${received.length} of ${count} changes`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let database: Database;
const hub = new EventHub();

beforeAll(async () => {
  database = await openTestDatabase();
  await hub.start(database);
});
afterAll(async () => {
  await hub.stop();
  await database.close();
});

describe("an order change published in a transaction", () => {
  it("reaches a subscriber after commit, not before", async () => {
    const received: OrderChange[] = [];
    const unsubscribe = hub.subscribe(streetStaff, (c) => received.push(c));
    const dispatched = change();

    await database.db.transaction().execute(async (trx) => {
      await publishOrderChange(trx, dispatched);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual([]);
    });
    await waitFor(received, 1);
    expect(received).toEqual([dispatched]);
    unsubscribe();
  });

  it("never reaches anyone when the transaction rolls back", async () => {
    const received: OrderChange[] = [];
    const unsubscribe = hub.subscribe(streetStaff, (c) => received.push(c));
    const rolledBack = database.db.transaction().execute(async (trx) => {
      await publishOrderChange(trx, change());
      throw new Error("dispatch failed");
    });
    await expect(rolledBack).rejects.toThrow("dispatch failed");

    // Notifications arrive in commit order, so once a later change is here the first one never will be.
    const committed = change();
    await database.db.transaction().execute((trx) => publishOrderChange(trx, committed));
    await waitFor(received, 1);
    expect(received).toEqual([committed]);
    unsubscribe();
  });

  it("reaches only the subscribers allowed to see it", async () => {
    const mine: OrderChange[] = [];
    const admins: OrderChange[] = [];
    const unsubscribeMine = hub.subscribe(streetStaff, (c) => mine.push(c));
    const unsubscribeAdmin = hub.subscribe({ ...streetStaff, id: 2, role: "admin", regionCode: null }, (c) =>
      admins.push(c),
    );
    const elsewhere = change("610103002001001");
    const here = change();
    await database.db.transaction().execute(async (trx) => {
      await publishOrderChange(trx, elsewhere);
      await publishOrderChange(trx, here);
    });

    await waitFor(admins, 2);
    await waitFor(mine, 1);
    expect(admins).toEqual([elsewhere, here]);
    expect(mine).toEqual([here]);
    unsubscribeMine();
    unsubscribeAdmin();
  });

  it("carries only the declared fields, whatever object the caller passes", async () => {
    const received: OrderChange[] = [];
    const unsubscribe = hub.subscribe(streetStaff, (c) => received.push(c));
    const orderRow = { ...change(), content: "住户手机号 139…", caller_name: "张三" };
    await database.db.transaction().execute((trx) => publishOrderChange(trx, orderRow));
    await waitFor(received, 1);
    expect(Object.keys(received[0])).not.toContain("content");
    expect(Object.keys(received[0])).not.toContain("caller_name");
    unsubscribe();
  });

  it("is not delivered after unsubscribing, and foreign payloads on the channel are ignored", async () => {
    const gone: OrderChange[] = [];
    const stays: OrderChange[] = [];
    hub.subscribe(streetStaff, (c) => gone.push(c))();
    const unsubscribe = hub.subscribe(streetStaff, (c) => stays.push(c));
    await database.db.transaction().execute(async (trx) => {
      await trx
        .selectNoFrom((eb) => eb.fn("pg_notify", [eb.val(ORDER_CHANNEL), eb.val("not json")]).as("n"))
        .execute();
      await trx
        .selectNoFrom((eb) => eb.fn("pg_notify", [eb.val(ORDER_CHANNEL), eb.val('{"orderId":1}')]).as("n"))
        .execute();
      await publishOrderChange(trx, change());
    });
    await waitFor(stays, 1);
    expect(stays).toHaveLength(1);
    expect(gone).toEqual([]);
    expect(hub.size).toBe(1);
    unsubscribe();
  });
});

describe("a warning notice", () => {
  const handler: Actor = {
    ...streetStaff,
    id: 3,
    role: "unit_handler",
    regionCode: null,
    unitId: 7,
    unitRegionCode: "610103",
  };
  const otherStreet: Actor = { ...streetStaff, id: 4, regionCode: "610103002" };

  it("reaches those who read warnings where a region of it overlaps their jurisdiction", async () => {
    const [staff, others, handlers]: WarningNotice[][] = [[], [], []];
    const stops = [
      hub.subscribeToWarnings(streetStaff, (n) => staff.push(n)),
      hub.subscribeToWarnings(otherStreet, (n) => others.push(n)),
      hub.subscribeToWarnings(handler, (n) => handlers.push(n)),
    ];
    const now = new Date();
    await publishWarningNotice(database.db, [`${STREET}001`, `${STREET}001`, `${STREET}002`], now);
    // Order changes and warnings are separate streams.
    await database.db.transaction().execute((trx) => publishOrderChange(trx, change()));
    await waitFor(staff, 1);
    expect(staff).toEqual([{ regionCodes: [`${STREET}001`, `${STREET}002`], at: now.toISOString() }]);
    expect(others).toEqual([]);
    expect(handlers).toEqual([]);
    for (const stop of stops) stop();
  });

  it("is not sent for an empty list of regions", async () => {
    const received: WarningNotice[] = [];
    const stop = hub.subscribeToWarnings(streetStaff, (n) => received.push(n));
    await publishWarningNotice(database.db, [], new Date());
    await publishWarningNotice(database.db, [STREET], new Date());
    await waitFor(received, 1);
    expect(received.map((n) => n.regionCodes)).toEqual([[STREET]]);
    stop();
  });
});

describe.runIf(process.env.DATABASE_URL)("several server instances", () => {
  it("each receive a change published from another connection", async () => {
    const url = (await serverUrlOf(database)) as string;
    const instances = await Promise.all([
      openDatabase({ url, poolSize: 2 }),
      openDatabase({ url, poolSize: 2 }),
    ]);
    const hubs = instances.map(() => new EventHub());
    const received: OrderChange[][] = [[], []];
    try {
      await Promise.all(hubs.map((h, i) => h.start(instances[i])));
      for (const [i, h] of hubs.entries()) h.subscribe(streetStaff, (c) => received[i].push(c));
      const published = change();
      await database.db.transaction().execute((trx) => publishOrderChange(trx, published));

      await Promise.all(received.map((r) => waitFor(r, 1)));
      expect(received).toEqual([[published], [published]]);
    } finally {
      await Promise.all(hubs.map((h) => h.stop()));
      await Promise.all(instances.map((i) => i.close()));
    }
  });
});
