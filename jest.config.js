/** Jest runs TypeScript through ts-jest (transpile only; `npm run typecheck` checks types).
 * meilisearch is ESM-only, so it is transformed too.
 * Two projects: `unit` (pure functions, no services) and `integration` (real PostgreSQL and
 * Meilisearch, started once by the global setup). `npm test` runs both. */
const transform = {
  '^.+\\.[tj]s$': ['ts-jest', {
    tsconfig: { module: 'commonjs', moduleResolution: 'node10', allowJs: true, isolatedModules: true, esModuleInterop: true, resolveJsonModule: true, target: 'ES2022' },
    diagnostics: false,
  }],
};
const common = { testEnvironment: 'node', transform, transformIgnorePatterns: ['node_modules/(?!meilisearch/)'] };

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
