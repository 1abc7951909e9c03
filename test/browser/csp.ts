import type { Browser, Page } from "playwright-core";
import {
  assert,
  buildWebApp,
  launchBrowser,
  login,
  type RunningServer,
  startServer,
  watchProblems,
} from "./harness.js";

/**
 * Finding 5: the built web app runs under the server's Content-Security-Policy with no violation —
 * every role's pages, maps, charts, modals and the API docs — and the policy is really enforced:
 * an inline script injected into the page is refused. Run with `node --import tsx test/browser/csp.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];

/** Pages each account opens, each settled once the network is idle. */
const TOURS: Array<{ user: string | null; paths: string[] }> = [
  { user: null, paths: ["/login", "/track", "/api/docs/"] },
  { user: "admin", paths: ["/", "/regions", "/admin", "/dashboard", "/ledgers"] },
  { user: "operator", paths: ["/operator"] },
  { user: "district-dispatcher", paths: ["/command"] },
  { user: "supervisor", paths: ["/supervision"] },
  { user: "rsj-handler", paths: ["/unit"] },
  { user: "gridworker", paths: ["/grid", "/grid/report", "/grid/deadlines"] },
  { user: "resident", paths: ["/resident", "/resident/new", "/resident/orders"] },
];

/** Every securitypolicyviolation event of the page, kept on window (an init script is not subject to CSP). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
}

async function violationsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

async function tour(
  browser: Browser,
  baseUrl: string,
  user: string | null,
  paths: string[],
): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await recordViolations(page);
  const problems = watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
  const found: string[] = [];
  if (user) await login(page, baseUrl, user, "minhu-demo");
  for (const path of paths) {
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    assert(response?.headers()["content-security-policy"], `${path} is served with a CSP`);
    // Open what opens on click (drawers, modals, dropdowns) where a page has a primary button.
    const primary = page.locator(".ant-btn-primary:visible").first();
    if (user && (await primary.count()) > 0 && (await primary.isEnabled())) {
      await primary.click({ timeout: 2000 }).catch(() => undefined);
      await page.waitForLoadState("networkidle");
      await page.keyboard.press("Escape");
    }
    found.push(...(await violationsOf(page)).map((v) => `${user ?? "anonymous"} ${path}: ${v}`));
  }
  found.push(...problems.filter((p) => /Content Security Policy/i.test(p)));
  await context.close();
  return found;
}

/** The policy is enforced: an inline script added to the page does not run, and is reported. */
async function inlineScriptIsRefused(browser: Browser, baseUrl: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await recordViolations(page);
  await page.goto(`${baseUrl}/login`, { waitUntil: "networkidle" });
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true";
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  assert(!ran, "an injected inline script does not run");
  const violations = await violationsOf(page);
  assert(
    violations.some((v) => v.startsWith("script-src")),
    `the refused inline script is reported: ${violations.join("; ")}`,
  );
  await context.close();
}

async function main(): Promise<void> {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    await buildWebApp();
    server = await startServer();
    browser = await launchBrowser();
    const violations: string[] = [];
    for (const { user, paths } of TOURS)
      violations.push(...(await tour(browser, server.baseUrl, user, paths)));
    assert(violations.length === 0, `no CSP violation in the built app:\n${violations.join("\n")}`);
    await inlineScriptIsRefused(browser, server.baseUrl);
    const pages = TOURS.reduce((n, t) => n + t.paths.length, 0);
    console.log(
      `csp: ${pages} pages over ${TOURS.length} sessions with no CSP violation; inline script refused`,
    );
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
