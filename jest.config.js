/** Jest runs TypeScript through ts-jest (transpile only; `npm run typecheck` checks types).
 * meilisearch is ESM-only, so it is transformed too.
 * Three projects: `unit` (pure functions, no services) and `integration` (real PostgreSQL and
 * Meilisearch, started once by the global setup) and `browser` (the staff console in Chromium,
 * same services, console built first). `npm test` runs all three. */
const transform = {
  '^.+\\.[tj]s$': ['ts-jest', {
    tsconfig: { module: 'commonjs', moduleResolution: 'node10', allowJs: true, isolatedModules: true, esModuleInterop: true, resolveJsonModule: true, target: 'ES2022' },
    diagnostics: false,
  }],
};
const common = { testEnvironment: 'node', transform, transformIgnorePatterns: ['node_modules/(?!meilisearch/)'] };

module.exports = {
  testTimeout: 60000,
  // A test that leaks a socket or timer must not hold CI until its time limit; the suites stop
  // their own servers in afterAll and in the global teardown.
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      // The staff console in Debian's Chromium against the real server (tests/browser/console-harness.ts).
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/browser/browser-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
