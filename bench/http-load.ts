import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import http from "node:http";
import { createServer } from "node:net";

/** A Minhu server started as its own process, so the load generator does not share its event loop. */
export interface BenchServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Compiles the server to dist/ when its sources changed: the benchmarks measure what `npm start` runs. */
function buildServer(): void {
  execFileSync(process.execPath, ["scripts/ensure-build.mjs", "server"], { stdio: "inherit" });
}

/** Runs `minhu <args>` to completion (e.g. seeding a server database). */
export async function runMinhu(args: string[], env: Record<string, string>): Promise<void> {
  buildServer();
  const child = spawn(process.execPath, ["bin/minhu.js", ...args], {
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`minhu ${args.join(" ")} exited with ${code}`);
}

export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  buildServer();
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=prof") profiles the server under load.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "bin/minhu.js", "serve"], {
    env: { ...process.env, MINHU_JOBS: "off", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    async stop() {
      child.kill("SIGINT");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

export interface Response {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** One keep-alive HTTP request; resolves with status and body. */
export function request(
  agent: http.Agent,
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(payload
            ? { "content-type": "application/json", "content-length": String(payload.length) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Signs in and returns the Cookie header. */
export async function signIn(agent: http.Agent, baseUrl: string, username: string): Promise<string> {
  const response = await request(agent, `${baseUrl}/api/auth/login`, "POST", {
    username,
    password: "minhu-demo",
  });
  const cookie = [response.headers["set-cookie"] ?? []].flat()[0];
  if (response.status !== 200 || !cookie)
    throw new Error(`login ${username}: ${response.status} ${response.body}`);
  return cookie.split(";")[0];
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
