import { benchAssessment, reportAssessment } from "./assessment.js";
import { benchCityImport, reportCityImport } from "./city-hotline.js";
import { benchCityPlacement, reportCityPlacement } from "./city-import-placement.js";
import { benchHistory, reportHistory } from "./history.js";
import { benchIntake, reportIntake } from "./intake.js";
import { benchLocate, reportLocate } from "./locate.js";
import { benchPlaces, reportPlaces } from "./places.js";
import { benchAndReportRouting } from "./routing.js";
import { benchStartup, reportStartup } from "./startup.js";

/**
 * `npm run bench`: every benchmark in turn, printing numbers (never asserting them). The PostgreSQL
 * parts use DATABASE_URL or the local server, each in a database of its own that is dropped afterwards.
 * BENCH_ONLY=locate,intake runs a subset.
 */
const BENCHES: [name: string, run: () => Promise<void>][] = [
  ["locate", async () => reportLocate(await benchLocate())],
  ["places", async () => reportPlaces(await benchPlaces())],
  ["startup", async () => reportStartup(await benchStartup())],
  ["routing", benchAndReportRouting],
  ["intake", async () => reportIntake(await benchIntake())],
  ["history", async () => reportHistory(await benchHistory())],
  ["assessment", async () => reportAssessment(await benchAssessment())],
  ["city-import", async () => reportCityImport(await benchCityImport())],
  ["city-placement", async () => reportCityPlacement(await benchCityPlacement())],
];

const only = process.env.BENCH_ONLY?.split(",");
for (const [name, run] of BENCHES) {
  if (only && !only.includes(name)) continue;
  const started = performance.now();
  console.log(`\n## ${name}`);
  await run();
  console.log(`(${name} took ${Math.round((performance.now() - started) / 1000)} s)`);
}
