import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    env: { FIELDMETER_LOG: 'silent' },
    setupFiles: ['test/setup/propertySeed.ts'],
    globalSetup: ['test/setup/buildCli.ts'],
  },
});
