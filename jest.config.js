// Jest runs every test. The code is native ES modules (MikroORM 7 ships ESM only), so Jest runs in its ESM
// mode (node --experimental-vm-modules) and @swc/jest strips types without changing the module format.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2023',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};

export default {
  testTimeout: 120_000,
  // On a two-core machine Jest would run every file inside its own main process, where modules loaded through the
  // VM module API are never freed and the heap fills up. With a memory limit it runs files in a worker instead,
  // and replaces a worker that has grown past the limit between files.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/packages/{domain,contracts,config,prediction,documents,api-client}/test/**/*.test.ts', '<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testMatch: [
        '<rootDir>/packages/{db,api,checkout-sandbox}/test/**/*.test.ts',
        '<rootDir>/workflows/test/**/*.test.ts',
        '<rootDir>/test/integration/**/*.test.ts',
        '<rootDir>/test/e2e/**/*.test.ts',
        '<rootDir>/test/browser/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'designer',
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/designer/test/support/jsdom-globals.ts'],
      // Pure helpers of the web app have plain .ts tests next to the component tests.
      testMatch: ['<rootDir>/designer/test/**/*.test.{ts,tsx}'],
      // Components import their stylesheets for Vite; jsdom has no use for them.
      moduleNameMapper: { '\\.css$': '<rootDir>/designer/test/support/style-stub.ts' },
    },
  ],
};
