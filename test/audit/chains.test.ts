import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../src/modules/audit/repository.js";
import { describeBreak, verifyAuditChain, verifyEventChains } from "../../src/modules/audit/verify.js";
import { appendEvent } from "../../src/modules/orders/repository.js";
import { seedHistory } from "../../src/seed/history/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

/**
 * Tamper evidence (issue 9, finding 12): order events chained per order, the audit log chained as a
 * whole, and `minhu verify`'s checks naming the first entry altered or removed.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedHistory(t.ctx, { ordersPerYear: 400, days: 60 });
  const who = { id: null, username: "someone", role: null, client: "127.0.0.1" };
  for (let i = 0; i < 5; i++)
    await recordAudit(t.ctx.db, who, { action: "auth.login_failed", targetId: i }, new Date());
}, 180_000);
afterAll(() => t.close());

/** An order with at least three events, and their ids in order. */
async function orderWithEvents(skip: number): Promise<{ orderId: string; ids: string[] }> {
  const { rows } = await sql<{ order_id: string }>`
    SELECT order_id FROM order_events GROUP BY order_id HAVING count(*) >= 3 ORDER BY order_id
    OFFSET ${skip} LIMIT 1`.execute(t.ctx.db);
  const orderId = rows[0].order_id;
  const events = await t.ctx.db
    .selectFrom("order_events")
    .select("id")
    .where("order_id", "=", orderId)
    .orderBy("id")
    .execute();
  return { orderId, ids: events.map((e) => e.id) };
}

describe("hash chains", () => {
  it("the demo history (chained in bulk) and events appended one by one verify", async () => {
    const { orderId } = await orderWithEvents(0);
    const order = await t.ctx.db
      .selectFrom("orders")
      .select("state")
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    await t.ctx.db.transaction().execute((trx) =>
      appendEvent(trx, {
        orderId,
        action: "reveal-phone",
        fromState: order.state,
        toState: order.state,
        actorId: null,
        actorRole: "admin",
        at: new Date(),
      }),
    );
    const events = await t.ctx.db
      .selectFrom("order_events")
      .select(["hash", "prev_hash"])
      .where("order_id", "=", orderId)
      .orderBy("id")
      .execute();
    expect(events[0].prev_hash).toBeNull();
    for (let i = 1; i < events.length; i++) expect(events[i].prev_hash).toBe(events[i - 1].hash);
    expect(await verifyEventChains(t.ctx.db)).toEqual([]);
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
  });

  it("the audit log refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(sql`UPDATE audit_log SET action = 'auth.login'`.execute(t.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    expect(
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(t.ctx.db)).rows[0].n),
    ).toBe(5);
  });

  it("names an event whose payload was edited with SQL", async () => {
    const { orderId, ids } = await orderWithEvents(1);
    await sql`UPDATE order_events SET data = data || '{"note": "forged"}' WHERE id = ${ids[1]}`.execute(
      t.ctx.db,
    );
    const found = (await verifyEventChains(t.ctx.db)).find((b) => b.orderId === orderId);
    expect(found).toMatchObject({ id: ids[1], kind: "altered" });
    expect(describeBreak(found as never)).toContain(`order ${orderId}: event ${ids[1]} altered`);
  });

  it("names the event after one deleted with SQL, and an order whose latest events were deleted", async () => {
    const middle = await orderWithEvents(2);
    const last = await orderWithEvents(3);
    await sql`DELETE FROM order_events WHERE id = ${middle.ids[1]}`.execute(t.ctx.db);
    await sql`DELETE FROM order_events WHERE id = ${last.ids[last.ids.length - 1]}`.execute(t.ctx.db);
    const breaks = await verifyEventChains(t.ctx.db);
    expect(breaks.find((b) => b.orderId === middle.orderId)).toMatchObject({
      id: middle.ids[2],
      kind: "removed",
      previousId: middle.ids[0],
    });
    expect(breaks.find((b) => b.orderId === last.orderId)).toMatchObject({ kind: "truncated" });
  });

  it("names an audit entry edited after its trigger was dropped", async () => {
    const entries = await t.ctx.db.selectFrom("audit_log").select("id").orderBy("id").execute();
    await sql`DROP TRIGGER audit_log_append_only ON audit_log`.execute(t.ctx.db);
    await sql`UPDATE audit_log SET actor_username = 'nobody' WHERE id = ${entries[2].id}`.execute(t.ctx.db);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
      chain: "audit",
      id: entries[2].id,
      kind: "altered",
    });
    await sql`DELETE FROM audit_log WHERE id IN (${entries[2].id}, ${entries[1].id})`.execute(t.ctx.db);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
      id: entries[3].id,
      kind: "removed",
      previousId: entries[0].id,
    });
  });
});
