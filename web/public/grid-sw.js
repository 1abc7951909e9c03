/**
 * The grid worker's offline shell (网格员离线). Registered only for the grid-worker pages (scopes /grid
 * and /fieldwork/diary, see web/src/offline/shell.ts), so staff pages are never controlled by it.
 * - page loads (navigations): network first, else the last app shell (index.html) kept;
 * - built files (/assets/*, hashed, never change) and the icon and manifest: cache first;
 * - the worker's own data (session, grid, categories, catalogue, open orders, work counts, diary):
 *   network first, the last answer when there is no signal;
 * - anything else, and every write, goes to the network untouched: writes made without signal are
 *   queued by the page itself (IndexedDB), not here.
 * Signing out forgets the kept answers.
 */
const SHELL_CACHE = "minhu-grid-shell-v1";
const DATA_CACHE = "minhu-grid-data-v1";
const SHELL_KEY = "/__grid-shell";
const STATIC = /^\/(assets\/|favicon\.svg$|grid\.webmanifest$)/;
const DATA =
  /^\/api\/(me|config|grids|categories|catalogue|orders|work|routing\/suggest|channels|fieldwork\/(diary|campaigns))(\/|$)/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => fetch("/", { credentials: "same-origin" }).then((page) => keepShell(cache, page)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("minhu-grid-") && name !== SHELL_CACHE && name !== DATA_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The page lists the built files it already loaded before this worker controlled it. */
self.addEventListener("message", (event) => {
  const urls = event.data?.type === "keep" && Array.isArray(event.data.urls) ? event.data.urls : [];
  const wanted = urls.filter(
    (url) => typeof url === "string" && STATIC.test(new URL(url, self.location.origin).pathname),
  );
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) =>
        Promise.all(
          wanted.map((url) => cache.match(url).then((hit) => hit || cache.add(url).catch(() => undefined))),
        ),
      ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/api/auth/logout") {
    event.waitUntil(caches.delete(DATA_CACHE));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") event.respondWith(page(request));
  else if (STATIC.test(url.pathname)) event.respondWith(builtFile(request));
  else if (DATA.test(url.pathname)) event.respondWith(data(request));
});

async function keepShell(cache, response) {
  if (response.ok && (response.headers.get("content-type") || "").includes("text/html")) {
    await cache.put(SHELL_KEY, response);
  }
}

async function page(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    await keepShell(cache, response.clone());
    return response;
  } catch (error) {
    const shell = await cache.match(SHELL_KEY);
    if (shell) return shell;
    throw error;
  }
}

async function builtFile(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function data(request) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    else if (response.status === 401) await caches.delete(DATA_CACHE);
    return response;
  } catch (error) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw error;
  }
}
