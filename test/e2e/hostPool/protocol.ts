/** The messages between a Playwright worker (test/e2e/hostPool.ts) and its host process (main.ts). */
export type PoolRequest = { request: number } & (
  | {
      kind: 'start';
      databasePath: string;
      demo: boolean;
      fromTemplate: boolean;
      /** The worker's FIELDMETER_* variables as they are now: a spec may set one (a key secret) after the process started. */
      env: Record<string, string>;
    }
  | { kind: 'stop'; id: number }
);

export type PoolReply = { ok: true; id: number; openUrl?: string; port?: number; token?: string } | { ok: false; message: string };

/** What the worker receives: the reply to request `request` (0: the process is ready). */
export type PoolMessage = (PoolReply | { ok: true; ready: true }) & { request: number };
