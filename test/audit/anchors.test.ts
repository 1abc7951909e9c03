import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainExistingEvents } from "../../src/db/migrations/0012_audit.js";
import { verifyAnchors, writeAnchor } from "../../src/modules/audit/anchors.js";
import { recordAudit } from "../../src/modules/audit/repository.js";
import { verifyAuditChain, verifyEventChains } from "../../src/modules/audit/verify.js";
import { TokenSigner } from "../../src/platform/privacy/tokens.js";
import { seedHistory } from "../../src/seed/history/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

/**
 * Signed anchors: someone with SQL access who edits an entry and recomputes every hash after it, or
 * deletes the newest entries, passes the plain chain checks; the anchor, signed with a key that is not
 * in the database, still shows it. An anchor made without the key shows as forged.
 */
let t: TestApp;
const who = { id: null, username: "someone", role: null, client: "127.0.0.1" };

beforeAll(async () => {
  t = await createTestApp();
  await seedHistory(t.ctx, { ordersPerYear: 300, days: 40 });
  for (let i = 0; i < 4; i++)
    await recordAudit(t.ctx.db, who, { action: "auth.login_failed", targetId: i }, new Date());
});
afterAll(() => t.close());

const check = () => verifyAnchors(t.ctx.db, t.ctx.tokens);
const kinds = async () => (await check()).problems.map((p) => p.kind).sort();

/** As an attacker with SQL would: triggers off, change, every hash after it recomputed. */
async function asAttacker(change: string, rechain: "events" | "audit") {
  await t.ctx.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql.raw(change).execute(trx);
    if (rechain === "events") await chainExistingEvents(trx);
    else
      await sql`UPDATE audit_log a SET prev_hash = c.prev_hash, hash = c.hash FROM (
        SELECT id, hash, lag(hash) OVER (ORDER BY id) AS prev_hash FROM (
          SELECT id, minhu_chain(jsonb_build_array(id, (extract(epoch FROM at) * 1000000)::bigint,
            actor_id, actor_username, actor_role, action, target_type, target_id, client, before, after))
            OVER (ORDER BY id) AS hash FROM audit_log) h) c WHERE a.id = c.id`.execute(trx);
  });
}

describe("signed anchors of the hash chains", () => {
  it("verify on untouched chains, with a later entry after the anchor", async () => {
    expect((await check()).latest).toBeNull();
    await writeAnchor(t.ctx.db, t.ctx.tokens, new Date());
    await recordAudit(t.ctx.db, who, { action: "auth.login_failed", targetId: 9 }, new Date());
    await writeAnchor(t.ctx.db, t.ctx.tokens, new Date());
    const result = await check();
    expect(result.problems).toEqual([]);
    expect(result.latest).not.toBeNull();
  });

  it("show an anchor made or edited without the server's key as forged", async () => {
    const [first] = await t.ctx.db.selectFrom("chain_anchors").selectAll().orderBy("id").limit(1).execute();
    const { id: _id, ...copy } = first;
    const stranger = new TokenSigner(randomBytes(32));
    await t.ctx.db
      .insertInto("chain_anchors")
      .values({ ...copy, at: new Date(), mac: stranger.anchorMac("anything") })
      .execute();
    await sql`UPDATE chain_anchors SET orders = orders + 1 WHERE id = ${first.id}`.execute(t.ctx.db);
    expect(await kinds()).toEqual(["forged", "forged"]);
    await sql`DELETE FROM chain_anchors WHERE mac = ${stranger.anchorMac("anything")}`.execute(t.ctx.db);
    await sql`UPDATE chain_anchors SET orders = orders - 1 WHERE id = ${first.id}`.execute(t.ctx.db);
    expect(await kinds()).toEqual([]);
  });

  it("show the newest audit entry deleted, which the chain alone misses", async () => {
    await asAttacker("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)", "audit");
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
    expect(await kinds()).toEqual(["audit_changed"]);
  });

  it("show an event rewritten with every hash after it recomputed, and refuse to anchor over it", async () => {
    const { rows } = await sql<{
      id: string;
    }>`SELECT id FROM order_events ORDER BY id LIMIT 1 OFFSET 10`.execute(t.ctx.db);
    await asAttacker(`UPDATE order_events SET note = 'nothing happened' WHERE id = ${rows[0].id}`, "events");
    expect(await verifyEventChains(t.ctx.db)).toEqual([]);
    expect(await kinds()).toEqual(["audit_changed", "history_changed"]);
    await expect(writeAnchor(t.ctx.db, t.ctx.tokens, new Date())).rejects.toThrow(/not anchoring/);
    expect(await kinds()).toEqual(["audit_changed", "history_changed"]);
  });
});
