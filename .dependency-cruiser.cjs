/**
 * Layering (STYLE.md B2): imports only point downward, and only the shell does I/O.
 *   core ← model ← knowledge ← engine ← rules;  model ← analyzers | generate | bench | sources;  engine ← reporters;
 *   only app/, cli/, server/, testing/ (and bench/run/) import sources/ or bench/run/;
 *   app/ sits below cli/ and server/ and imports neither.
 * `createRequire` loads count as imports: a module binds `createRequire(...)` to one of REQUIRE_NAMES (checked by
 * test/layering.test.ts, which also proves every rule here fails on a deliberate violation), and dependency-cruiser
 * reads calls of those names as dependencies (`exoticRequireStrings`).
 * Tests are checked by the same layer rules (.dependency-cruiser.tests.cjs), and may also import src/testing/ and
 * test/support/.
 */
const IO_MODULES = '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|readline|worker_threads|cluster)$';
/** npm packages that read files, talk to the network or hold a database: the shell's, like IO_MODULES. */
const IO_PACKAGES = '^(@kubernetes/client-node|tinyglobby|better-sqlite3|hono|@hono/.+)$';
const PURE = '^src/(core|model|knowledge|engine|rules|analyzers|generate|reporters)/';
/** The only names a `createRequire(...)` result may be bound to (so that its calls are seen as imports). */
const REQUIRE_NAMES = ['require', 'load'];

/** Which layers each layer may import, besides itself. */
const LAYERS = {
  core: [],
  model: ['core'],
  knowledge: ['core', 'model'],
  engine: ['core', 'model', 'knowledge'],
  rules: ['core', 'model', 'knowledge', 'engine'],
  analyzers: ['core', 'model', 'knowledge', 'engine'],
  generate: ['core', 'model', 'knowledge', 'engine', 'analyzers'],
  reporters: ['core', 'model', 'knowledge', 'engine'],
  sources: ['core', 'model', 'knowledge'],
  store: ['core', 'model', 'knowledge', 'engine'],
  // one function per use case, below the front doors (cli/, server/) that call it
  app: ['core', 'model', 'knowledge', 'engine', 'rules', 'analyzers', 'generate', 'reporters', 'sources', 'store', 'bench'],
};

/** One rule per layer (.dependency-cruiser.tests.cjs derives the tests' rules from these). */
const layerRules = Object.entries(LAYERS).map(([name, allowed]) => ({
  name: `layer-${name}`,
  comment: `${name} may import only ${allowed.join(', ') || 'nothing internal'}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^(src|test)/', pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`)] },
}));

const ioRules = [
  {
    name: 'no-io-in-pure-layers',
    comment: 'Only sources/, cli/, server/, store/, bench/run/, testing/ touch files, network or processes.',
    severity: 'error',
    from: { path: PURE },
    to: { path: IO_MODULES },
  },
  {
    name: 'no-io-packages-in-pure-layers',
    comment:
      'Pure layers do not use I/O packages. Exception: knowledge/schema.ts reads the generated models of ' +
      '@kubernetes/client-node (attribute maps for the unknown-field check); it constructs no client.',
    severity: 'error',
    from: { path: PURE, pathNot: '^src/knowledge/schema\\.ts$' },
    to: { path: IO_PACKAGES },
  },
];

const options = {
  doNotFollow: { path: 'node_modules' },
  exclude: { path: '\\.test\\.ts$' },
  tsPreCompilationDeps: true,
  tsConfig: { fileName: 'tsconfig.json' },
  enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  builtInModules: { add: [] },
  exoticRequireStrings: REQUIRE_NAMES,
};

module.exports = {
  forbidden: [
    ...layerRules,
    ...ioRules,
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options,
};
