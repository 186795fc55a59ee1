/**
 * The layers' dependency rules (run by test/unit/dependency-rules.test.ts, so CI checks them):
 * dependencies point inward, from adapters and composition roots to use cases to the domain.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "domain-stays-pure",
      comment: "shared/domain is pure logic: it imports nothing of the project outside itself, no Node built-in (no I/O) and no package but zod (formats such as XLSX are adapters).",
      severity: "error",
      from: { path: "^shared/domain/" },
      to: { pathNot: ["^shared/domain/", "^node_modules/zod/"] },
    },
    {
      name: "use-cases-depend-on-ports",
      comment: "Use cases see adapters only through ports; the composition roots (functions, intake dependencies, CLI) inject them.",
      severity: "error",
      from: { path: "^shared/use-cases/" },
      to: { path: "^shared/adapters/" },
    },
    {
      name: "local-stack-is-below-the-cli",
      comment: "The CLI drives the local stack (thads start, ingest, review...); the local stack never imports the CLI.",
      severity: "error",
      from: { path: "^local/" },
      to: { path: "^cli/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "Every import resolves (also the package's #aliases), so no rule above is escaped through an import the cruiser cannot follow.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
