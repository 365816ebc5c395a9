// Lint rules plus the architecture's import boundaries: `electron` only in main/electron/, Node only in
// main/ (and tools), the renderer and shared/ stay browser-safe, the sandboxed preload stays tiny.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Bare names here; every `node:` specifier (including prefix-only ones like node:test) via the pattern.
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('node:'));

const noNode = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'Node built-ins are main-process only.' })),
  patterns: [{ regex: '^node:', message: 'Node built-ins are main-process only.' }],
};
const noElectron = { name: 'electron', message: 'Only main/electron/ may import electron.' };
const noElectronSubpaths = { regex: '^electron/', message: 'Only main/electron/ may import electron.' };
const noMain = {
  regex: '^(\\.\\./)+main(/|$)',
  message: 'Reach the main process through shared/contract, not by import.',
};
const noRenderer = {
  regex: '^(\\.\\./)+renderer(/|$)',
  message: 'The renderer is a separate bundle; share code via shared/.',
};
// Dependencies point one way: doors (api, cli, web, electron) → archive.ts (composition root) → features.
const noDoors = {
  regex: '^(\\.\\./)+(archive/archive|api|cli|web|electron)(/|$)',
  message: 'Feature folders sit below the doors and the composition root (main/archive/archive.ts), which wires them.',
};
const FEATURE_FOLDERS =
  'main/{documents,annotations,backups,library,search,facts,translations,align,ingest,db,workers}/**';

export default defineConfig(
  { ignores: ['out/', 'dist/', 'release/', 'node_modules/', 'docs/', 'coverage/', '.vite/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  { files: ['renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // React Compiler diagnostics: being worked off file by file (issue 14); warnings until then.
      'react-hooks/refs': 'warn',
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/preserve-manual-memoization': 'warn',
    },
  },
  { files: ['renderer/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['renderer/**/*.tsx'],
    rules: {
      // Autofocus is used only in editors and confirmations the user has just opened, where focus must move in.
      'jsx-a11y/no-autofocus': 'off',
    },
  },

  // ---- Import boundaries. One block per folder: a later matching block replaces the rule's options.
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noNode.paths,
            noElectron,
            { name: 'react', message: 'shared/ is UI-free.' },
            { name: 'react-dom', message: 'shared/ is UI-free.' },
          ],
          patterns: [
            ...noNode.patterns,
            noElectronSubpaths,
            { regex: '^react(-dom)?/', message: 'shared/ is UI-free.' },
            noMain,
            noRenderer,
          ],
        },
      ],
    },
  },
  {
    files: ['main/**'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noElectronSubpaths, noRenderer] }],
    },
  },
  {
    // A feature's operation declarations (operations.ts, with its command-line helpers cli.ts) are what the doors
    // dispatch to: they receive the Archive and use the operation types and CLI helpers; its services never do.
    files: [FEATURE_FOLDERS],
    ignores: ['main/*/operations.ts', 'main/*/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noElectronSubpaths, noRenderer, noDoors] }],
    },
  },
  {
    // The fact extractor's core is pure TypeScript (it may run in a worker or the renderer): no Node built-ins.
    files: ['main/facts/extract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, noElectron],
          patterns: [...noNode.patterns, noElectronSubpaths, noRenderer, noDoors],
        },
      ],
    },
  },
  {
    files: ['main/electron/**'],
    ignores: ['main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRenderer] }],
    },
  },
  {
    // Sandboxed preloads can require nothing but `electron`; everything else must be bundled from shared/.
    files: ['main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$)(?!(\\.\\./)+shared/)',
              message: 'The sandboxed preload may import only `electron` and shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...noNode.paths, noElectron], patterns: [...noNode.patterns, noElectronSubpaths, noMain] },
      ],
    },
  },
);
