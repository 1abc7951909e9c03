/**
 * The shape of the web app (`npm run depcruise:web`): no import cycles; a page folder uses shared
 * code (components/, hooks/, api/, i18n/ …) and never another page's folder; shared code never
 * imports a page. Only the router knows the pages.
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
      name: "no-cross-page",
      severity: "error",
      comment:
        "A page folder never imports another page's folder: move what they share to components/ or hooks/.",
      from: { path: "^web/src/pages/([^/]+)/" },
      to: { path: "^web/src/pages/", pathNot: "^web/src/pages/$1/" },
    },
    {
      name: "shared-not-pages",
      severity: "error",
      comment: "components/, hooks/ and the other shared folders never import a page; only the router does.",
      from: { path: "^web/src/", pathNot: ["^web/src/pages/", "^web/src/router\\.tsx$"] },
      to: { path: "^web/src/pages/" },
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
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
  },
};
