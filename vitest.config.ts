import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { scaled, timeoutScale } from './test/support/timeouts';

/**
 * Unit tests that replace modules (vi.mock) or Electron globals: each keeps a module graph of its own.
 * test/unit/dom holds the renderer stores' tests; they are type-checked with the renderer (DOM types).
 */
const replacesModules = ['test/unit/preload.test.ts', 'test/unit/dom/*.test.ts', 'test/unit/electron-*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Scaled on a busy machine (test/support/timeouts.ts); the factor goes to every test process.
    testTimeout: scaled(20_000),
    hookTimeout: scaled(20_000),
    pool: 'forks',
    // Many integration tests spend their time waiting on a PTY, a child process or a socket, not on a
    // core: one file per core (vitest's default leaves a core idle, which on two cores is one file at
    // a time). Not more: the crash and fuzz tests are CPU-bound and time out when they crowd a core.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A test's vi.stubEnv ends with the test: files share a process (isolate: false).
    unstubEnvs: true,
    env: { FIELDMETER_LOG: 'silent', FIELDMETER_TEST_TIMEOUT_SCALE: String(timeoutScale) },
    setupFiles: ['test/setup/propertySeed.ts'],
    projects: [
      {
        extends: true,
        // Pure code over bytes and objects: one module graph for all of them, so each file does not
        // pay again for a fresh process and its imports (the files share no state; see replacesModules).
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'], exclude: replacesModules, isolate: false },
      },
      {
        extends: true,
        // Real SQLite files, PTYs, sockets and child processes, each in its own temp dir: a worker runs
        // its files one after the other in one module graph, as the unit tests do. A fresh process per
        // file cost about as much CPU as the tests themselves (issue 21: 532 s → 289 s for the suite).
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/setup/buildCli.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'isolated', include: replacesModules },
      },
    ],
  },
});
