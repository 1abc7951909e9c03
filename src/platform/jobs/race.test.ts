import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/database.js";
import { serverUrlOf } from "../../../test/platform/server-url.js";
import { type Database, openDatabase } from "../../db/database.js";
import { migrateToLatest } from "../../db/migrate.js";
import { enqueueJob } from "./enqueue.js";
import { type JobHandler, JobRunner } from "./runner.js";

const JOBS = 50;
const onServer = Boolean(process.env.DATABASE_URL);

let database: Database;
/** The second instance: its own pool on a server; on PGlite the same single connection. */
let second: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await migrateToLatest(database.db);
  const url = await serverUrlOf(database);
  second = url ? await openDatabase({ url, poolSize: 4 }) : database;
});
afterAll(async () => {
  if (second !== database) await second.close();
  await database.close();
});

const title = onServer
  ? `two runners on separate pools racing runDue() run each of ${JOBS} jobs exactly once`
  : `two runners sharing embedded PGlite's one connection (claims serialised, no real race) run each of ${JOBS} jobs exactly once`;

it(title, async () => {
  for (let n = 0; n < JOBS; n++)
    await enqueueJob(database.db, { kind: "race", runAt: new Date(), payload: { n } });
  const runs = new Map<string, number>();
  const perRunner = [0, 0];
  const handler =
    (runner: number): JobHandler =>
    async (job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      perRunner[runner] += 1;
      // A little work, so claims interleave with runs still in progress.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    };
  const runners = [database, second].map(
    (instance, i) => new JobRunner({ db: instance.db, handlers: { race: handler(i) }, batchSize: 2 }),
  );
  const drain = async (runner: JobRunner) => {
    let claimed: number;
    do claimed = await runner.runDue();
    while (claimed > 0);
  };

  // Two concurrent claimers per runner: four claims in flight at once.
  await Promise.all(runners.flatMap((runner) => [drain(runner), drain(runner)]));

  expect(runs.size).toBe(JOBS);
  expect([...runs.values()].filter((count) => count !== 1)).toEqual([]);
  const done = await database.db.selectFrom("jobs").select("id").where("done_at", "is not", null).execute();
  expect(done).toHaveLength(JOBS);
  if (onServer) expect(perRunner.every((count) => count > 0)).toBe(true);
});
