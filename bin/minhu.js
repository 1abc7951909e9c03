#!/usr/bin/env node
// The `minhu` command: runs the compiled server (dist/, built by `npm install` and before `npm start`).
import { existsSync } from "node:fs";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  console.error("minhu: the server is not built yet; run `node scripts/ensure-build.mjs` (or `npm start`)");
  process.exit(1);
}
await import(main.href);
