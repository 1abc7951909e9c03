import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { build } from "vite";
import { BUILT_ENV, REPO_ROOT, type RunningServer, startServer } from "../harness.js";

/**
 * The app under test, served from a private build: `vite build` into a temp folder, the real server
 * (harness `startServer`) for /api, and a small front that serves the private build and proxies /api
 * (SSE included). Several people run browser tests in one checkout; building into the shared web/dist
 * lets one run's build empty the folder under another run's server. This keeps the loop tests apart.
 */
export interface PrivateApp {
  /** The front's URL: the app and, proxied, the API. */
  baseUrl: string;
  api: RunningServer;
  stop: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

async function serveFile(root: string, pathname: string, respond: (path: string) => void): Promise<void> {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(root, relative);
  const isFile = candidate.startsWith(root) && (await stat(candidate).catch(() => null))?.isFile();
  // Client-side routes fall back to index.html, like the real server.
  respond(isFile ? candidate : join(root, "index.html"));
}

export async function startPrivateApp(): Promise<PrivateApp> {
  // Under run-all the app is built once before any script starts and nobody builds it again: the
  // real server serves it, and a private build would only cost each loop script a minute of CPU.
  if (process.env[BUILT_ENV]) {
    const api = await startServer();
    return { baseUrl: api.baseUrl, api, stop: () => api.stop() };
  }
  const outDir = await mkdtemp(join(tmpdir(), "minhu-web-"));
  await build({
    configFile: join(REPO_ROOT, "web/vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  const api = await startServer();
  const target = new URL(api.baseUrl);

  const front: Server = createServer((incoming, outgoing) => {
    const url = incoming.url ?? "/";
    if (url.startsWith("/api/") || url === "/api") {
      const proxied = request(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      proxied.on("error", () => {
        if (!outgoing.headersSent) outgoing.writeHead(502);
        outgoing.end();
      });
      outgoing.on("close", () => proxied.destroy());
      incoming.pipe(proxied);
      return;
    }
    void serveFile(outDir, new URL(url, "http://front").pathname, (path) => {
      outgoing.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      createReadStream(path).pipe(outgoing);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  const address = front.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    api,
    stop: async () => {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await api.stop();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
