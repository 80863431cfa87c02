import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '../db/*', '../../db/*', '*/electron/*', '*/renderer/*'], message: 'core/ is environment-neutral.' }] }],
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
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli', '**/cli/**', '**/electron', '**/electron/**', '**/renderer', '**/renderer/**'], message: 'db/ may import only core/ (DESIGN §1).' }] }],
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
