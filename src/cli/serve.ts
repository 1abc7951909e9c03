import type { Config } from "../config.js";
import { buildApp } from "../http/app.js";
import type { AppContext } from "../modules/context.js";
import { loadActiveModel } from "../modules/routing/learning.js";
import { PhoneVault } from "../platform/privacy/phone.js";
import {
  demoHistoryPlanned,
  type FillProgress,
  fillDemoHistory,
  letRequestsIn,
  planDemoHistory,
} from "../seed/history/background.js";
import { seedDemoOrganisation } from "../seed/organisation.js";
import { createContext, openConfiguredDatabase, prepareDatabase } from "../server/bootstrap.js";
import { createJobRunner } from "../server/jobs.js";

/**
 * `minhu serve`: the server and web app. The embedded default is a demo: its first start seeds the
 * README's demo accounts before it answers, then fills the rest of the demo (grid workers, party
 * organisations, field work, a year of orders) in the background with its progress on /api/health. A server database never gets
 * demo data unless asked (`minhu seed --demo`).
 */
export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const database = await openConfiguredDatabase(config);
  const vault = new PhoneVault(config.secretKey);
  const prepared = await prepareDatabase(database, vault, { demo: !config.databaseUrl });
  const ctx = await createContext(database, config);
  // A routing model promoted by an earlier retraining routes from the start.
  await loadActiveModel(ctx.db);
  // Planned before the server listens, so a process killed before the fill starts resumes it. With
  // MINHU_DEMO_HISTORY=off there is no year to fill and the rest of the demo (~2 s) is seeded now.
  if (prepared.demo && config.demoHistory) await planDemoHistory(ctx);
  else if (prepared.demo) await seedDemoOrganisation(ctx.db, ctx.vault);
  let demoHistory: FillProgress | undefined;
  const app = await buildApp(ctx, {
    logger: true,
    trustProxy: config.trustProxy,
    health: () => (demoHistory ? { demoHistory } : {}),
  });
  await app.listen({ port: config.port, host: config.host });
  const jobs = config.runJobs
    ? createJobRunner(ctx, config, (error) => app.log.error({ err: error }, "job poll failed"))
    : null;
  await jobs?.start({ firstPollInMs: FIRST_JOBS_AFTER_MS });
  const where = config.databaseUrl ? "PostgreSQL server" : `embedded PGlite in ${config.dataDir}/db`;
  console.log(`Minhu ready at http://localhost:${config.port} (${where}, ${Date.now() - started} ms)`);
  if (prepared.demo) console.log("demo accounts created: admin / minhu-demo (see README for every role)");
  const stopFill = new AbortController();
  const filling = config.demoHistory
    ? fillDemoInBackground(ctx, stopFill.signal, (progress) => {
        demoHistory = progress;
      })
    : Promise.resolve();
  const stop = async () => {
    stopFill.abort();
    await filling;
    await jobs?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/**
 * The demo's background fill, saying when it starts and ends; a failure is logged, not fatal. The
 * organisation comes first (each seed does nothing when its rows exist, so a restart after a kill
 * completes it), then the year, week by week until `signal` stops it.
 */
async function fillDemoInBackground(
  ctx: AppContext,
  signal: AbortSignal,
  onProgress: (progress: FillProgress) => void,
): Promise<void> {
  const started = Date.now();
  let last: FillProgress | undefined;
  try {
    if (!(await demoHistoryPlanned(ctx))) return;
    onProgress({ state: "filling", percent: 0 });
    // A newcomer's first page is answered between the parts, not after them all.
    await seedDemoOrganisation(ctx.db, ctx.vault, letRequestsIn);
    const outcome = await fillDemoHistory(
      ctx,
      (progress) => {
        if (!last)
          console.log(`demo history: filling the year in the background from ${progress.percent} % …`);
        last = progress;
        onProgress(progress);
      },
      signal,
    );
    if (outcome === "filled")
      console.log(`demo history: filled in ${Math.round((Date.now() - started) / 1000)} s`);
    if (outcome === "stopped") console.log(`demo history: stopped at ${last?.percent} %, a restart goes on`);
  } catch (error) {
    onProgress({ state: "failed", percent: last?.percent ?? 0 });
    console.error("demo history: the background fill failed", error);
  }
}

/** The periodic jobs first run this long after the server answers, not in the way of its first requests. */
const FIRST_JOBS_AFTER_MS = 3_000;
