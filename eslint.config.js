// Lint rules, including the process boundaries of docs/ARCHITECTURE.md: the renderer and
// shared/ never import Node or Electron; electron/services never imports 'electron'; only
// electron/main and electron/preload may.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers.js';
// Last in the list: turns off the rules that would argue with Prettier, which owns the layout.
import prettierCompatible from 'eslint-config-prettier';

// Bare built-in names are matched exactly (as `paths`), so a local './events' module is not mistaken for Node's.
const nodeBuiltinNames = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'events',
  'stream',
  'worker_threads',
  'zlib',
  'buffer',
];
const nodeBuiltins = ['node:*'];
const nativeModules = ['better-sqlite3', 'serialport', '@serialport/*'];
const restrict = (groups, message) => ({ group: groups, message });
const noNodePaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // electron-builder loads its hooks with require(): CommonJS is right there.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodePaths('The renderer and shared/ run without Node: no Node built-ins.'),
          patterns: [
            restrict(nodeBuiltins, 'The renderer and shared/ run without Node: no Node built-ins.'),
            restrict(['electron', ...nativeModules], 'The renderer and shared/ never import Electron or native modules.'),
            restrict(['**/electron/**'], 'Reach the Node side through the API contract only.'),
          ],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodePaths('shared/ is pure TypeScript: no Node built-ins.'),
          patterns: [
            restrict(nodeBuiltins, 'shared/ is pure TypeScript: no Node built-ins.'),
            restrict(['electron', 'react', 'react-dom', ...nativeModules], 'shared/ never imports Electron, React or native modules.'),
            restrict(['**/electron/**', '**/renderer/**'], 'shared/ imports only shared/.'),
          ],
        },
      ],
    },
  },
  {
    // Which folder may import which (eslint-rules/layers.js); the file's own layer is found from its path.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    plugins: { local: { rules: { layers } } },
    rules: { 'local/layers': 'error' },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: "Only electron/main and electron/preload import 'electron'." }] },
      ],
      'no-console': 'error',
    },
  },
  prettierCompatible,
);
