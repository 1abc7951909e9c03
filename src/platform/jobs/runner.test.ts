import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/database.js";
import type { Database } from "../../db/database.js";
import { migrateToLatest } from "../../db/migrate.js";
import { cancelJob, enqueueJob } from "./enqueue.js";
import { type Job, type JobHandler, JobRunner, type JobRunnerOptions } from "./runner.js";
import { claimDueJobs } from "./store.js";

const T0 = new Date("2025-03-03T09:00:00.000Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let database: Database;
let clock: Date;
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  database = await openTestDatabase();
  await migrateToLatest(database.db);
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.deleteFrom("jobs").execute();
  clock = T0;
});

/** A runner on the test clock that records every job it runs. */
function runner(handlers: Record<string, JobHandler> = {}, options: Partial<JobRunnerOptions> = {}) {
  const ran: Job[] = [];
  const record: JobHandler = async (job) => {
    ran.push(job);
  };
  const jobRunner = new JobRunner({
    db: database.db,
    handlers: { remind: record, ...handlers },
    now: () => clock,
    pollIntervalMs: 60 * MINUTE,
    ...options,
  });
  return { runner: jobRunner, ran };
}

function row(id: string) {
  return database.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe("a job", () => {
  it("runs once at its time and not before", async () => {
    const { runner: r, ran } = runner();
    const id = await enqueueJob(database.db, {
      kind: "remind",
      runAt: at(MINUTE),
      payload: { orderId: "7" },
    });

    clock = at(MINUTE - 1);
    expect(await r.runDue()).toBe(0);
    clock = at(MINUTE);
    expect(await r.runDue()).toBe(1);
    expect(await r.runDue()).toBe(0);

    expect(ran).toEqual([{ id, kind: "remind", payload: { orderId: "7" }, attempts: 1 }]);
    expect(await row(id)).toMatchObject({
      done_at: at(MINUTE),
      attempts: 1,
      last_error: null,
      locked_until: null,
    });
  });

  it("exists only if the caller's transaction commits", async () => {
    const rolledBack = database.db.transaction().execute(async (trx) => {
      await enqueueJob(trx, { kind: "remind", runAt: T0 });
      throw new Error("the order change failed");
    });
    await expect(rolledBack).rejects.toThrow("the order change failed");
    expect(await runner().runner.runDue()).toBe(0);
  });

  it("is retried after an error once the backoff has passed, then finishes", async () => {
    let calls = 0;
    const flaky: JobHandler = async () => {
      calls += 1;
      if (calls === 1) throw new Error("SMS gateway down");
    };
    const { runner: r } = runner({ sms: flaky }, { backoffMs: 30 * SECOND });
    const id = await enqueueJob(database.db, { kind: "sms", runAt: T0 });

    await r.runDue();
    const failed = await row(id);
    expect(failed).toMatchObject({ done_at: null, attempts: 1, run_at: at(30 * SECOND), locked_until: null });
    expect(failed.last_error).toContain("SMS gateway down");

    clock = at(30 * SECOND - 1);
    expect(await r.runDue()).toBe(0);
    clock = at(30 * SECOND);
    expect(await r.runDue()).toBe(1);
    expect(await row(id)).toMatchObject({ done_at: at(30 * SECOND), attempts: 2, last_error: null });
  });

  it("is given up after maxAttempts, kept with its last error for inspection", async () => {
    const broken: JobHandler = async () => {
      throw new Error("bad payload");
    };
    const { runner: r } = runner({ broken }, { maxAttempts: 3, backoffMs: SECOND });
    const id = await enqueueJob(database.db, { kind: "broken", runAt: T0 });

    for (const wait of [0, SECOND, 2 * SECOND]) {
      clock = new Date(clock.getTime() + wait);
      expect(await r.runDue()).toBe(1);
    }
    const given = await row(id);
    expect(given).toMatchObject({ attempts: 3, done_at: clock });
    expect(given.last_error).toMatch(/^gave up after 3 attempts: Error: bad payload/);
    clock = at(MINUTE);
    expect(await r.runDue()).toBe(0);
  });

  it("of an unknown kind records the error on the job instead of crashing the runner", async () => {
    const id = await enqueueJob(database.db, { kind: "from.a.newer.release", runAt: T0 });
    expect(await runner().runner.runDue()).toBe(1);
    expect((await row(id)).last_error).toBe('no handler for job kind "from.a.newer.release"');
  });

  it("whose kind names an inherited object method is unknown too", async () => {
    const id = await enqueueJob(database.db, { kind: "toString", runAt: T0 });
    await runner().runner.runDue();
    expect((await row(id)).last_error).toBe('no handler for job kind "toString"');
  });

  it("claimed by an instance that crashed is run by another once the lock lapses", async () => {
    const id = await enqueueJob(database.db, { kind: "remind", runAt: T0 });
    await claimDueJobs(database.db, T0, 10, 5 * MINUTE);
    const { runner: survivor, ran } = runner();

    clock = at(5 * MINUTE);
    expect(await survivor.runDue()).toBe(0);
    clock = at(5 * MINUTE + 1);
    expect(await survivor.runDue()).toBe(1);
    expect(ran.map((job) => [job.id, job.attempts])).toEqual([[id, 2]]);
  });
});

describe("a recurring kind with its own lock", () => {
  it("is taken over after that lock lapses, not the runner's", async () => {
    const recurring = [{ kind: "remind", everyMs: 10 * MINUTE, lockMs: 30 * SECOND }];
    const { runner: survivor, ran } = runner({}, { recurring });
    await survivor.ensureRecurring();
    // An instance claims it and dies.
    await claimDueJobs(database.db, T0, 10, 5 * MINUTE, new Map([["remind", 30 * SECOND]]));
    clock = at(30 * SECOND);
    expect(await survivor.runDue()).toBe(0);
    clock = at(30 * SECOND + 1);
    expect(await survivor.runDue()).toBe(1);
    expect(ran).toHaveLength(1);
  });
});

describe("a dedupe key", () => {
  it("replaces the pending job's time and payload instead of adding a second job", async () => {
    const { runner: r, ran } = runner();
    const first = await enqueueJob(database.db, {
      kind: "remind",
      runAt: at(MINUTE),
      payload: { v: 1 },
      dedupeKey: "order.deadline:42",
    });
    const second = await enqueueJob(database.db, {
      kind: "remind",
      runAt: at(2 * MINUTE),
      payload: { v: 2 },
      dedupeKey: "order.deadline:42",
    });
    expect(second).toBe(first);

    clock = at(MINUTE);
    expect(await r.runDue()).toBe(0);
    clock = at(2 * MINUTE);
    expect(await r.runDue()).toBe(1);
    expect(ran.map((job) => job.payload)).toEqual([{ v: 2 }]);
  });

  it("revives a finished job with a fresh attempt count", async () => {
    const { runner: r, ran } = runner();
    const job = { kind: "remind", runAt: T0, dedupeKey: "visit.reminder:9" };
    await enqueueJob(database.db, job);
    await r.runDue();
    await enqueueJob(database.db, { ...job, runAt: at(MINUTE), payload: { round: 2 } });

    clock = at(MINUTE);
    expect(await r.runDue()).toBe(1);
    expect(ran.map((j) => [j.payload, j.attempts])).toEqual([
      [{}, 1],
      [{ round: 2 }, 1],
    ]);
  });

  it("replacing a job while it runs makes it run again with the new payload", async () => {
    const key = "order.deadline:43";
    const payloads: unknown[] = [];
    const extendWhileRunning: JobHandler = async (job) => {
      payloads.push(job.payload);
      // An extension approved while the deadline handler is busy moves the same timer.
      if (payloads.length === 1) {
        await enqueueJob(database.db, {
          kind: "deadline",
          runAt: at(MINUTE),
          payload: { v: 2 },
          dedupeKey: key,
        });
      }
    };
    const { runner: r } = runner({ deadline: extendWhileRunning });
    const id = await enqueueJob(database.db, {
      kind: "deadline",
      runAt: T0,
      payload: { v: 1 },
      dedupeKey: key,
    });

    await r.runDue();
    expect(await row(id)).toMatchObject({ done_at: null, locked_until: null, run_at: at(MINUTE) });
    clock = at(MINUTE);
    await r.runDue();
    expect(payloads).toEqual([{ v: 1 }, { v: 2 }]);
    expect((await row(id)).done_at).toEqual(at(MINUTE));
  });

  it("can be cancelled while pending", async () => {
    await enqueueJob(database.db, { kind: "remind", runAt: T0, dedupeKey: "visit.reminder:10" });
    expect(await cancelJob(database.db, "visit.reminder:10")).toBe(true);
    expect(await cancelJob(database.db, "visit.reminder:10")).toBe(false);
    expect(await runner().runner.runDue()).toBe(0);
  });
});

describe("a recurring job", () => {
  it("is created on start, runs, and is rescheduled an interval later instead of finishing", async () => {
    const { runner: r, ran } = runner({}, { recurring: [{ kind: "remind", everyMs: 10 * MINUTE }] });
    await r.start();
    await r.stop();
    expect(ran).toHaveLength(1);

    const rows = await database.db.selectFrom("jobs").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dedupe_key: "recurring:remind", done_at: null, run_at: at(10 * MINUTE) });

    clock = at(10 * MINUTE - 1);
    expect(await r.runDue()).toBe(0);
    clock = at(10 * MINUTE);
    expect(await r.runDue()).toBe(1);
    expect((await row(rows[0].id)).run_at).toEqual(at(20 * MINUTE));
  });

  it("keeps one row however many instances start, pulled forward if the interval shrank", async () => {
    const hourly = runner({}, { recurring: [{ kind: "remind", everyMs: 60 * MINUTE }] }).runner;
    await hourly.ensureRecurring();
    await hourly.runDue();
    const everyFive = runner({}, { recurring: [{ kind: "remind", everyMs: 5 * MINUTE }] }).runner;
    await everyFive.ensureRecurring();
    await everyFive.ensureRecurring();

    const rows = await database.db.selectFrom("jobs").select(["run_at"]).execute();
    expect(rows).toEqual([{ run_at: at(5 * MINUTE) }]);
  });

  it("is retried after a failure but never given up", async () => {
    const failing: JobHandler = async () => {
      throw new Error("statistics unavailable");
    };
    const options = {
      recurring: [{ kind: "sweep", everyMs: MINUTE }],
      maxAttempts: 2,
      backoffMs: 10 * SECOND,
    };
    const { runner: r } = runner({ sweep: failing }, options);
    await r.ensureRecurring();
    for (let i = 0; i < 4; i++) {
      expect(await r.runDue()).toBe(1);
      const job = await database.db.selectFrom("jobs").selectAll().executeTakeFirstOrThrow();
      expect(job.done_at).toBeNull();
      clock = job.run_at;
    }
    // Backoff 10 s, 20 s, 40 s, then capped at the interval.
    expect(clock).toEqual(at((10 + 20 + 40 + 60) * SECOND));
  });
});

describe("start() and stop()", () => {
  it("poll for due jobs, and stop waits for the batch in progress", async () => {
    const entered = deferred();
    const leave = deferred();
    const slow: JobHandler = async () => {
      entered.resolve();
      await leave.promise;
    };
    const id = await enqueueJob(database.db, { kind: "slow", runAt: T0 });
    const { runner: r } = runner({ slow }, { pollIntervalMs: 20 });

    await r.start();
    await entered.promise;
    let stopped = false;
    const stopping = r.stop().then(() => {
      stopped = true;
    });
    await new Promise((wait) => setTimeout(wait, 50));
    expect(stopped).toBe(false);
    leave.resolve();
    await stopping;
    expect((await row(id)).done_at).toEqual(T0);
  });
});

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
