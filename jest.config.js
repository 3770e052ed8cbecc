/** Jest runs TypeScript through ts-jest (transpile only; `npm run typecheck` checks types).
 * meilisearch is ESM-only, so it is transformed too. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', allowJs: true, isolatedModules: true, esModuleInterop: true, resolveJsonModule: true, target: 'ES2022' }, diagnostics: false }],
  },
  transformIgnorePatterns: ['node_modules/(?!meilisearch/)'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60000,
};
