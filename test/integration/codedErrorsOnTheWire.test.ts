/**
 * No English developer prose crosses the boundary (issue 16 §3): through the real web host, one
 * refusal per code family — the host's own (token, address, body) and the handlers' — arrives as a
 * code, typed details and the id of the Node log entry. The developer's sentence is in that log
 * entry and nowhere in the body; a German client says every refusal from the German catalog.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/host/web/server';
import { startFieldmeter, type Fieldmeter } from '../../electron/services/fieldmeter';
import { sayError } from '../../shared/i18n/errorKey';
import { errorWordsDe } from '../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../shared/i18n/errorWords.en';
import { signInAs } from '../support/profiles';
import { rawTextRequest, type RawRequest } from '../support/rawHttp';
import { useTempDir } from '../support/tempDir';

interface WireError {
  readonly code: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly logId?: string;
  readonly message?: unknown;
}

describe('coded errors on the wire', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  let host: WebHost | undefined;
  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await host?.close();
    app?.close();
  });

  it('every refusal arrives as code, details and log id; the sentence stays in the log; German words for each', async () => {
    app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'technician');
    await app.handlers['demo.load']({});
    host = await startWebHost({ app });
    const h = host;

    // The Node log, as support reads it: one line per refusal, found by the id the window got.
    vi.stubEnv('FIELDMETER_LOG', '');
    const logged: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });

    const raw = (path: string, options: RawRequest = {}) => rawTextRequest(h.port, path, options);
    const call = async (method: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await raw(`/api/call/${method}`, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { Host: `127.0.0.1:${h.port}`, Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json', ...headers },
      });
      return { status: res.status, body: res.body };
    };
    const registerId = app.store.meters.get('UP-1001')!.registers[0]!.id;

    const refusals: Record<string, { status: number; body: string }> = {
      tokenMissing: await call('app.info', {}, { Authorization: '' }),
      tokenWrong: await call('app.info', {}, { Authorization: `Bearer ${h.token.slice(1)}x` }),
      foreignSite: await call('app.info', {}, { Origin: 'http://evil.example' }),
      notJson: await call('app.info', '{"oops"'),
      notJsonType: await call('app.info', '{}', { 'Content-Type': 'text/plain' }),
      unknownMethod: await call('app.nope', {}),
      malformed: await call('meters.get', { usagePointId: 42 }),
      notFound: await call('meters.get', { usagePointId: 'UP-NOPE' }),
      validation: await call('readings.save', { usagePointId: 'UP-1001', values: [{ registerId: 999_999, value: '1' }] }),
      needsConfirmation: await call('readings.save', { usagePointId: 'UP-1001', values: [{ registerId, value: '1' }] }),
      forbidden: await call('sync.settings.set', {
        endpoint: 'https://mdm.example.com/cim',
        soapVersion: '1.1',
        caPath: '',
        schemaFolder: '',
      }),
      signInFailed: await call('session.signIn', { name: 'Tina', secret: 'not-the-pin' }),
    };
    await call('session.signOut', {});
    refusals.signInRequired = await call('readings.save', { usagePointId: 'UP-1001', values: [{ registerId, value: '1' }] });
    vi.mocked(process.stderr.write).mockRestore();

    const codes = new Set<string>();
    for (const [what, { body }] of Object.entries(refusals)) {
      const error = (JSON.parse(body) as { ok: false; error: WireError }).error;
      codes.add(error.code);
      expect(error, what).not.toHaveProperty('message');
      expect(error.logId, what).toMatch(/^[0-9a-f]{8}$/);
      const line = logged.find((l) => l.includes(`[${error.logId}] ${error.code}: `));
      expect(line, `${what}: its log line`).toBeDefined();
      const sentence = line!.split(`${error.code}: `)[1]!.trim();
      expect(sentence.length, what).toBeGreaterThan(5);
      expect(body, `${what}: the developer's sentence stays in the log`).not.toContain(sentence);
      // The German client's words come from the German catalog, not the English one.
      const german = sayError(errorWordsDe, error);
      expect(german, what).not.toBe(sayError(errorWordsEn, error));
      expect(german, what).not.toMatch(/\{\{|reason\.|undefined/);
    }
    expect([...codes].sort()).toEqual([
      'BAD_REQUEST',
      'FORBIDDEN',
      'NEEDS_CONFIRMATION',
      'NOT_FOUND',
      'SIGN_IN_FAILED',
      'SIGN_IN_REQUIRED',
      'UNAUTHORIZED',
      'UNKNOWN_METHOD',
      'VALIDATION',
    ]);
    expect(JSON.parse(refusals.tokenMissing!.body)).toMatchObject({ error: { code: 'UNAUTHORIZED', details: { reason: 'tokenMissing' } } });
    expect(JSON.parse(refusals.malformed!.body)).toMatchObject({
      error: { code: 'BAD_REQUEST', details: { reason: 'malformed', method: 'meters.get', fields: ['usagePointId'] } },
    });
  });
});
