import pg from "pg";

/** The PostgreSQL server benchmarks use: DATABASE_URL, else the local test server. */
export const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A new database on the server for one benchmark run, or null when no server answers. */
export async function scratchServerDatabase(
  purpose: string,
): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const name = `minhu_bench_${purpose}_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: SERVER_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
