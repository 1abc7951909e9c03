// Builds the web app before `npm start` when web/dist is missing or older than the sources, so that
// `npm install && npm start` is all a fresh machine needs.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const built = "web/dist/index.html";

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sourcesChanged = () =>
  Math.max(newestMtime("web/src"), statSync("web/index.html").mtimeMs) > statSync(built).mtimeMs;

if (!existsSync(built) || sourcesChanged()) {
  console.log("building the web app (first start or changed sources)…");
  execFileSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
    {
      stdio: "inherit",
    },
  );
}
