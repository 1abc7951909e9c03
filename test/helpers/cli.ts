/**
 * The `minhu` command run from the TypeScript sources, as node arguments: vitest tests the sources,
 * so tests that start the command do too (bin/minhu.js runs the compiled dist/, which the browser
 * harness builds and starts).
 */
export const MINHU_FROM_SOURCES = ["--import", "tsx", "src/cli/main.ts"];
