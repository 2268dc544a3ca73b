// Layers as an allow-list (after VS Code's code-layering rule): each layer names the layers it may
// import from, and everything else is refused — static imports, re-exports, dynamic import() and
// require() alike. Inside the Node side: store ← repositories ← domain services ← handlers ← the app
// (fieldmeter.ts) ← hosts ← main; the CLI sits beside the hosts. Packages are checked by no-restricted-imports.
import { dirname, relative, resolve } from 'node:path';

/** In matching order: the first layer whose test fits a file is its layer. */
export const layers = [
  { name: 'shared', test: (p) => p.startsWith('shared/'), may: ['shared'] },
  { name: 'renderer', test: (p) => p.startsWith('renderer/'), may: ['renderer', 'shared'] },
  { name: 'preload', test: (p) => p.startsWith('electron/preload/'), may: ['preload', 'shared'] },
  { name: 'core', test: (p) => /^electron\/services\/(log|errors|paths|heap)(\.ts)?$/.test(p), may: ['core', 'shared'] },
  /**
   * The store: the SQLite file, its migrations, the audit chain's SQL functions and the write log.
   * It knows no repository: what is written where is theirs to say.
   */
  {
    name: 'store',
    test: (p) => /^electron\/services\/store\/(database|writeLog|auditChain|migrations)([./]|$)/.test(p),
    may: ['store', 'core', 'shared'],
  },
  /**
   * The repositories (one per aggregate, prepared statements) and the Store that bundles them with
   * one mutation per user action (store/index.ts, store/mutation.ts): what domain services use.
   */
  {
    name: 'repositories',
    test: (p) => p.startsWith('electron/services/store/') || p === 'electron/services/store',
    may: ['repositories', 'store', 'core', 'shared'],
  },
  {
    name: 'handlers',
    test: (p) => p.startsWith('electron/services/handlers/'),
    may: ['handlers', 'services', 'repositories', 'core', 'shared'],
  },
  {
    name: 'app',
    test: (p) => /^electron\/services\/fieldmeter(\.ts)?$/.test(p),
    may: ['app', 'handlers', 'services', 'repositories', 'core', 'shared'],
  },
  { name: 'services', test: (p) => p.startsWith('electron/services/'), may: ['services', 'repositories', 'core', 'shared'] },
  { name: 'host', test: (p) => p.startsWith('electron/host/'), may: ['host', 'app', 'services', 'core', 'shared'] },
  { name: 'cli', test: (p) => p.startsWith('electron/cli/'), may: ['cli', 'app', 'services', 'repositories', 'core', 'shared'] },
  { name: 'main', test: (p) => p.startsWith('electron/main/'), may: ['main', 'host', 'app', 'services', 'core', 'shared'] },
];

const layerOf = (path) => layers.find((l) => l.test(path)) ?? null;

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only from the layers it lists (docs/ARCHITECTURE.md "Layers").' },
    schema: [],
    messages: { refused: 'The {{from}} layer may not import the {{to}} layer ({{spec}}): it may import {{may}}.' },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split('\\').join('/');
    const from = layerOf(file);
    if (!from) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), spec))
        .split('\\')
        .join('/');
      const to = layerOf(target) ?? layerOf(`${target}/index`);
      if (to && !from.may.includes(to.name)) {
        context.report({ node, messageId: 'refused', data: { from: from.name, to: to.name, spec, may: from.may.join(', ') } });
      }
    };
    const literal = (source) =>
      source?.type === 'Literal'
        ? source.value
        : source?.type === 'TemplateLiteral' && source.expressions.length === 0
          ? source.quasis[0].value.cooked
          : null;
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1)
          check(node, literal(node.arguments[0]));
      },
    };
  },
};
