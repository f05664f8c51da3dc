/**
 * The layer rules of the design: imports point inward.
 *  domain    -> nothing with I/O (no npm package, no node built-in that does I/O)
 *  services  -> domain and services only
 *  adapters  -> anything but the simulator
 *  simulator -> its own code only (it must not import the bot)
 */
const IO_BUILTINS =
  '^(node:)?(fs|fs/promises|http|https|http2|net|tls|dgram|dns|child_process|cluster|worker_threads|os|process|readline|repl|v8|vm|crypto|perf_hooks|timers|timers/promises)$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain may import only src/domain: no npm package and no I/O built-in.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'domain-no-io-builtins',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'], path: IO_BUILTINS },
    },
    {
      name: 'services-use-domain-and-ports',
      comment: 'src/services may import src/domain and src/services only; I/O reaches it through ports.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { pathNot: '^src/(domain|services)/' },
    },
    {
      name: 'simulator-stands-alone',
      comment: 'The simulator is a stand-in for Defender: it must not import the bot.',
      severity: 'error',
      from: { path: '^src/simulator/' },
      to: { path: '^src/', pathNot: '^src/simulator/' },
    },
    {
      name: 'bot-does-not-import-simulator',
      comment: 'Only the composition root (src/index.ts, src/demo/) may start the simulator.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(simulator/|demo/|index\\.ts)' },
      to: { path: '^src/simulator/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
