import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { loadConfig } from "../config.js";
import { migrateToLatest } from "../db/migrate.js";
import { requireStrongPassword, USERNAME_PATTERN } from "../modules/accounts/password-policy.js";
import { hashPassword } from "../modules/accounts/passwords.js";
import { insertUsers } from "../modules/accounts/repository.js";
import { describeAnchorProblem, verifyAnchors } from "../modules/audit/anchors.js";
import { describeBreak, verifyAuditChain, verifyEventChains } from "../modules/audit/verify.js";
import { AppError, errorMessage, languageOf } from "../platform/errors.js";
import { PhoneVault } from "../platform/privacy/phone.js";
import { TokenSigner } from "../platform/privacy/tokens.js";
import { seedDemoAccounts } from "../seed/demo-accounts.js";
import { seedDemoHistory } from "../seed/history/index.js";
import { seedDemoOrganisation } from "../seed/organisation.js";
import { createContext, openConfiguredDatabase, prepareDatabase } from "../server/bootstrap.js";
import { importCityExport } from "./import-12345.js";
import { serve } from "./serve.js";

const USAGE = `minhu <command>

  serve                      start the server and web app (PORT, default 3000)
  migrate                    bring the database schema up to date
  seed --demo [--orders N]   add reference data, the demo accounts and a year of demo history (N orders, default 64000)
  reset --yes                delete all data (embedded: the data folder; server: the public schema)
  create-admin <username>    create an administrator (password from MINHU_ADMIN_PASSWORD or --password)
  verify                     check the hash chains of every order's history and of the audit log;
                             names the first entry altered or removed, exit code 1 if any
  import-12345 FILE [--source NAME] [--dry-run]
                             import a 12345 work-order export (XLSX or CSV); a dry run lists every bad row

Environment: DATABASE_URL (PostgreSQL server; embedded PGlite when unset), MINHU_DATA_DIR (default ./.minhu),
MINHU_SECRET_KEY (phone encryption key), PORT, MINHU_TILE_URL (optional map tiles).`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case "serve":
      return serve(config);
    case "migrate": {
      const database = await openConfiguredDatabase(config);
      const done = await migrateToLatest(database.db);
      console.log(done.length ? `applied: ${done.join(", ")}` : "schema is up to date");
      return database.close();
    }
    case "seed": {
      const { values } = parseArgs({
        args: rest,
        options: { demo: { type: "boolean" }, orders: { type: "string" } },
      });
      const database = await openConfiguredDatabase(config);
      const vault = new PhoneVault(config.secretKey);
      const result = await prepareDatabase(database, vault, { demo: false });
      if (values.demo) {
        const users = await database.db.selectFrom("users").select("id").limit(1).executeTakeFirst();
        if (users) console.log("accounts already exist: demo accounts not added");
        else console.log(`demo accounts: ${(await seedDemoAccounts(database.db, vault)).users}`);
        console.log(
          `demo grid workers, party organisations and field work: ${await seedDemoOrganisation(database.db, vault)} rows`,
        );
        await seedDemoHistory(await createContext(database, config), {
          ordersPerYear: values.orders ? Number(values.orders) : undefined,
        });
      }
      console.log(result.seeded ? "reference data seeded" : "reference data already present");
      return database.close();
    }
    case "reset":
      return reset(config, rest);
    case "create-admin":
      return createAdmin(config, rest);
    case "verify":
      return verify(config);
    case "import-12345":
      return importCityExport(config, rest);
    default:
      console.log(USAGE);
      if (command && command !== "help" && command !== "--help") process.exitCode = 2;
  }
}

async function verify(config: ReturnType<typeof loadConfig>): Promise<void> {
  const database = await openConfiguredDatabase(config);
  try {
    const events = await verifyEventChains(database.db);
    const audit = await verifyAuditChain(database.db);
    const anchors = await verifyAnchors(database.db, new TokenSigner(config.secretKey));
    const breaks = [...events, ...(audit ? [audit] : [])].map(describeBreak);
    const problems = [...breaks, ...anchors.problems.map(describeAnchorProblem)];
    for (const line of problems) console.log(line);
    console.log(
      anchors.latest
        ? `latest signed anchor: ${anchors.latest.toISOString()} (changes after it are checked by the chains only)`
        : "no signed anchor yet (the server writes one an hour)",
    );
    console.log(
      problems.length === 0 ? "order history and audit log verify" : `${problems.length} problem(s) found`,
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

async function reset(config: ReturnType<typeof loadConfig>, args: string[]): Promise<void> {
  if (!args.includes("--yes")) {
    console.error("reset deletes all data; run `minhu reset --yes` to confirm");
    process.exitCode = 2;
    return;
  }
  if (!config.databaseUrl) {
    rmSync(`${config.dataDir}/db`, { recursive: true, force: true });
    console.log(`deleted ${config.dataDir}/db`);
    return;
  }
  const database = await openConfiguredDatabase(config);
  await sql`DROP SCHEMA public CASCADE`.execute(database.db);
  await sql`CREATE SCHEMA public`.execute(database.db);
  console.log("dropped and recreated schema public");
  await database.close();
}

async function createAdmin(config: ReturnType<typeof loadConfig>, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { password: { type: "string" } },
  });
  const username = positionals[0];
  const password = values.password ?? process.env.MINHU_ADMIN_PASSWORD;
  if (!username || !password || !new RegExp(USERNAME_PATTERN).test(username)) {
    console.error(
      "usage: minhu create-admin <username: 3–64 letters, digits, . _ -> --password <at least 10 characters>",
    );
    process.exitCode = 2;
    return;
  }
  try {
    await requireStrongPassword(password, { username });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(errorMessage(error, languageOf(process.env.LANG)));
    process.exitCode = 2;
    return;
  }
  const database = await openConfiguredDatabase(config);
  await prepareDatabase(database, new PhoneVault(config.secretKey), { demo: false });
  const district = await database.db
    .selectFrom("regions")
    .select("code")
    .where("parent_code", "is", null)
    .executeTakeFirstOrThrow();
  await insertUsers(database.db, [
    {
      username,
      displayName: username,
      passwordHash: await hashPassword(password),
      role: "admin",
      regionCode: district.code,
      unitId: null,
    },
  ]);
  console.log(`administrator ${username} created`);
  await database.close();
}

await main(process.argv.slice(2));
