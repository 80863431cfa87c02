import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Node's built-in modules by their bare names (fs, path, …): core/ may not import them either way. */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));

/** What no file of db/ may import: a shell or a UI library. */
const DB_NO_SHELL = {
  group: ['**/cli', '**/cli/**', '**/electron', '**/electron/**', 'electron', '**/renderer', '**/renderer/**', 'react', 'react-dom', 'react/*', 'react-dom/*', 'zustand'],
  message: 'db/ may import only core/ and data libraries (DESIGN §1): no shell, no UI.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.tsbuild/', 'test-artifacts/', 'bench/.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render user text as HTML.' },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      // Globs match at every depth ('**/db' and '**/db/**'); core/ also takes no Node built-in (with or
      // without the node: prefix), no database driver and no UI library.
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'core/ is environment-neutral: no Node built-ins.' })),
          patterns: [
            {
              group: ['node:*', '**/db', '**/db/**', '**/electron', '**/electron/**', 'electron', '**/cli', '**/cli/**', '**/renderer', '**/renderer/**', 'better-sqlite3', 'react', 'react-dom', 'react/*', 'react-dom/*', 'zustand'],
              message: 'core/ is environment-neutral: it may not import db/, electron/, cli/, renderer/, better-sqlite3, React or Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '**/db/*', '**/cli/*', '**/electron/*'], message: 'The renderer reaches data only through the api client.' }] }],
    },
  },
  // DESIGN §1 layering: each shell imports only core/ and db/; db/ imports only core/.
  {
    files: ['db/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [DB_NO_SHELL] }],
    },
  },
  // Inside db/: the import writer (db/transfer) builds on the services' writers, so db/service never
  // imports db/transfer (one direction; the transfer.* handlers live in db/transfer/handlers.ts).
  {
    files: ['db/service/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            DB_NO_SHELL,
            { regex: '^(\\.\\./)+(db/)?transfer(/|$)', message: 'db/service may not import db/transfer: db/transfer builds on db/service, not the other way.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli', '**/cli/**', '**/renderer', '**/renderer/**'], message: 'electron/ may import only core/ and db/ (DESIGN §1); shared process pieces live in db/host/.' }] }],
    },
  },
  {
    files: ['cli/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/**', '**/renderer', '**/renderer/**'], message: 'cli/ may import only core/ and db/ (DESIGN §1).' }] }],
    },
  },
  {
    files: ['cli/bin.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
