import { defineConfig } from 'vitest/config';
import { scaled, timeoutScale } from './test/support/timeouts';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Scaled on a busy machine (test/support/timeouts.ts); the factor goes to every test process.
    testTimeout: scaled(20_000),
    hookTimeout: scaled(20_000),
    pool: 'forks',
    env: { FIELDMETER_LOG: 'silent', FIELDMETER_TEST_TIMEOUT_SCALE: String(timeoutScale) },
    setupFiles: ['test/setup/propertySeed.ts'],
    globalSetup: ['test/setup/buildCli.ts'],
  },
});
