/**
 * The gateway's layers, checked on every `npm test` (`npm run deps`): no import cycle, type-only imports included,
 * and no import that runs up a layer. Top to bottom:
 *
 *   entry       src/worker.ts, src/env.ts: the only modules that see the bindings and the Durable Object classes
 *   core        the plugin chain and what serves requests (gateway, context, plugins, auth, subscriptions, …)
 *   schema      src/schema.ts, src/schema/, src/resources/: the schema and the shared resolvers
 *   seam        src/backends/*.ts: the interface every backend implements, the resolvers' context type, the registry
 *   backends    src/backends/<name>/: one folder per platform, reached only through the registry
 *   base        upstream transport, pagination, the model, errors, settings helpers
 *
 * The generated resolver types (`src/generated/`) sit beside the backends: codegen makes them from every fragment,
 * with each backend's parents as mappers, and the resolvers of the seam and the backends are typed by them.
 *
 * A backend imports the seam and the base, never the core, the schema, the registry or another backend; the seam and
 * the base never import what sits above them.
 *
 * The emulator (emulator/src/) is a Worker of its own standing in for the platforms. Of the gateway it imports only a
 * backend's wire types (`src/backends/<name>/types.ts`), type-only, so each wire shape is written once and no gateway
 * code runs in the emulator; those files import nothing. The gateway never imports the emulator. `src/subscriptions/topics.ts` and `log-tail.ts` are plain types and
 * pure functions of watch events that the seam names, and `src/limits/limit-error.ts` is the error the HTTP core
 * raises at its call cap, so they count as base.
 */
const BASE_IN_SUBSCRIPTIONS = "^src/subscriptions/(topics|log-tail)[.]ts$";
const BACKEND_FOLDER = "^src/backends/[^/]+/";
const SEAM = "^src/backends/[^/]+[.]ts$";
const SCHEMA = "^src/(schema[.]ts|schema/|resources/)";
const ENTRY = "^src/(worker|env)[.]ts$";
const WIRE_TYPES = "^src/backends/[^/]+/types[.]ts$";

/** Everything above the seam: the entry, the core and the schema layer. */
const ABOVE_SEAM = [
  ENTRY,
  SCHEMA,
  "^src/(gateway|context|server-context|emulator-settings|trusted-documents|graphiql-assets|graphiql-default-query|logger)[.]ts$",
  "^src/(plugins|auth|browser|pages)/",
  "^src/limits/(?!limit-error[.]ts$)",
  "^src/subscriptions/(?!(topics|log-tail)[.]ts$)",
];

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle, type-only imports included: move the shared part down a layer.",
      from: {},
      to: { circular: true },
    },
    {
      name: "entry-only",
      severity: "error",
      comment: "Only the Worker entry sees env and the Durable Object classes (bindings are typed by RPC interfaces).",
      from: { pathNot: ENTRY },
      to: { path: "^src/worker[.]ts$" },
    },
    {
      name: "backend-not-above-the-seam",
      severity: "error",
      comment: "A backend reaches the gateway only through the seam (src/backends/*.ts), never the core or the schema.",
      from: { path: BACKEND_FOLDER },
      to: { path: ABOVE_SEAM },
    },
    {
      name: "backend-not-registry",
      severity: "error",
      comment: "A backend does not import the registry: ids and sessions reach it through the context.",
      from: { path: BACKEND_FOLDER },
      to: { path: "^src/backends/registry[.]ts$" },
    },
    {
      name: "backend-alone",
      severity: "error",
      comment: "A backend folder imports no other backend's folder.",
      from: { path: "^src/backends/([^/]+)/" },
      to: { path: BACKEND_FOLDER, pathNot: "^src/backends/$1/" },
    },
    {
      name: "only-the-registry-names-backends",
      severity: "error",
      comment: "Outside its folder, only the registry imports a backend; everything else asks the registry.",
      // The generated resolver types name each backend's parents (codegen's mappers): generated, not written.
      from: { path: "^src/", pathNot: [BACKEND_FOLDER, "^src/backends/registry[.]ts$", "^src/generated/"] },
      to: { path: BACKEND_FOLDER },
    },
    {
      name: "seam-not-above",
      severity: "error",
      comment: "The seam is below the core and the schema.",
      from: { path: SEAM },
      to: { path: ABOVE_SEAM },
    },
    {
      name: "base-not-above",
      severity: "error",
      comment: "The base (upstream, pagination, model, errors, settings) imports nothing above it.",
      from: {
        path: [
          "^src/(upstream|pagination|encoding|types)/",
          "^src/(model|errors|global-id|settings|vars|per-env|field-errors|log-levels|client-error-code|http-error-response)[.]ts$",
          BASE_IN_SUBSCRIPTIONS,
          // The error a limit raises, which the HTTP core raises too (the per-request call cap).
          "^src/limits/limit-error[.]ts$",
        ],
      },
      to: { path: [...ABOVE_SEAM, "^src/backends/(registry|credential-set|session-transport)[.]ts$", BACKEND_FOLDER] },
    },
    {
      name: "emulator-reads-wire-types-only",
      severity: "error",
      comment: "Of the gateway, the emulator imports only a backend's wire types (src/backends/<name>/types.ts).",
      from: { path: "^emulator/src/" },
      to: { path: "^src/", pathNot: WIRE_TYPES },
    },
    {
      name: "emulator-wire-types-type-only",
      severity: "error",
      comment: "The emulator imports the wire types with `import type`: no gateway code is bundled into it.",
      from: { path: "^emulator/src/" },
      to: { path: WIRE_TYPES, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "wire-types-alone",
      severity: "error",
      comment: "A backend's wire types import nothing, so what the emulator reaches of the gateway ends there.",
      from: { path: WIRE_TYPES },
      to: {},
    },
    {
      name: "gateway-not-emulator",
      severity: "error",
      comment: "The gateway never imports the emulator: it reaches it over HTTP only, like any upstream.",
      from: { path: "^src/" },
      to: { path: "^emulator/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies too: a cycle through types still ties the layers together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "[.]d[.]ts$" },
  },
};
