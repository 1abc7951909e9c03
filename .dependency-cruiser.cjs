/**
 * The shape of the server (`npm run depcruise:src`): no import cycles, and layers that only look
 * down. config.ts and db/ know no domain; platform/ (auth, events, jobs, calendar, config sync …)
 * serves every module and knows none of them; a module reaches Fastify only through the plugin
 * API of http/ (plugin.ts, access.ts); http/, seed/, server/ and cli/ assemble the modules.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle ties modules together: move what both need into a third module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "config-is-a-leaf",
      severity: "error",
      comment: "config.ts reads the environment; defaults live there, not in the modules it configures.",
      from: { path: "^src/config\\.ts$" },
      to: { path: "^src/" },
    },
    {
      name: "db-knows-no-domain",
      severity: "error",
      comment: "db/ (connection, migrations, schema) never imports the layers built on it.",
      from: { path: "^src/db/" },
      to: { path: "^src/(platform|modules|http|seed|server|cli)/" },
    },
    {
      name: "platform-knows-no-module",
      severity: "error",
      comment:
        "platform/ serves every module and knows none: let the modules register with it (see config-sync's registerConfigLoader).",
      from: { path: "^src/platform/" },
      to: { path: "^src/(modules|http|seed|server|cli)/" },
    },
    {
      name: "modules-below-assembly",
      severity: "error",
      comment: "A module never imports the code that assembles the application (server/, cli/, seed/).",
      from: { path: "^src/modules/" },
      to: { path: "^src/(server|cli|seed)/" },
    },
    {
      name: "modules-use-the-plugin-api",
      severity: "error",
      comment:
        "A module reaches Fastify only through http/plugin.ts and http/access.ts, never the app itself.",
      from: { path: "^src/modules/" },
      to: { path: "^src/http/", pathNot: "^src/http/(plugin|access)\\.ts$" },
    },
    {
      name: "http-below-assembly",
      severity: "error",
      comment: "http/ builds the app from the modules; the process around it (server/, cli/) builds on it.",
      from: { path: "^src/http/" },
      to: { path: "^src/(server|cli|seed)/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
  },
};
