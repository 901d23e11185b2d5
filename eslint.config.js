import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import gongzhi from './tools/eslint/module-boundaries.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.tmp/', 'coverage/', 'src/web/api/schema.d.ts', 'migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', Blob: 'readonly' } },
    plugins: { gongzhi },
    rules: {
      'gongzhi/module-boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // Config files and the ESLint plugin itself must default-export.
    files: ['*.config.{js,ts}', '**/vite.config.ts', '**/vitest.config.ts', 'tools/eslint/*.{js,d.ts}', 'test/helpers/global-setup.ts', 'e2e/**/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
