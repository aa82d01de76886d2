/**
 * Layering (STYLE.md B2): imports only point downward, and only the shell does I/O.
 *   core ← model ← knowledge ← engine ← rules;  model ← analyzers | generate | bench | sources;  engine ← reporters;
 *   only cli/, server/, testing/ (and bench/run/) import sources/ or bench/run/.
 */
const IO_MODULES = '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|readline|worker_threads|cluster)$';
const PURE = '^src/(core|model|knowledge|engine|rules|analyzers|generate|reporters)/';
const layer = (name, allowed) => ({
  name: `layer-${name}`,
  comment: `${name} may import only ${allowed.join(', ') || 'nothing internal'}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`)] },
});

module.exports = {
  forbidden: [
    layer('core', []),
    layer('model', ['core']),
    layer('knowledge', ['core', 'model']),
    layer('engine', ['core', 'model', 'knowledge']),
    layer('rules', ['core', 'model', 'knowledge', 'engine']),
    layer('analyzers', ['core', 'model', 'knowledge', 'engine']),
    layer('generate', ['core', 'model', 'knowledge', 'engine', 'analyzers']),
    layer('reporters', ['core', 'model', 'knowledge', 'engine']),
    layer('sources', ['core', 'model', 'knowledge']),
    layer('store', ['core', 'model', 'knowledge', 'engine']),
    {
      name: 'no-io-in-pure-layers',
      comment: 'Only sources/, cli/, server/, store/, bench/run/, testing/ touch files, network or processes.',
      severity: 'error',
      from: { path: PURE },
      to: { path: IO_MODULES },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    builtInModules: { add: [] },
  },
};
