/**
 * Sign-in and rights that hold (issue 18): the role is the signed-in profile's, checked on the
 * Node side before any handler runs, never a name or role the client sends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { createSession, FREE_TRIES, lockAfter } from '../../../electron/services/identity/session';
import { methodNames, methods, type MethodName } from '../../../shared/contract/api';
import { AppError } from '../../../shared/contract/result';
import { addProfile, signInAs, TEST_PIN } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const codeOf = async (call: () => unknown) => {
  try {
    await call();
    return 'OK';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe('sign-in and rights', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
  });
  const open = () => (app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' }));

  it('the client cannot name its own role: profile.set is gone, and nobody signed in may do nothing but sign in', async () => {
    const fm = open();
    expect((await dispatch(fm.handlers, 'profile.set', { name: 'Eve', role: 'supervisor' })).ok).toBe(false);
    for (const method of methodNames) {
      const code = await codeOf(() => (fm.handlers[method] as (input: unknown) => unknown)({}));
      if (methods[method].right === 'open') expect(code, method).not.toBe('SIGN_IN_REQUIRED');
      else expect(code, method).toBe('SIGN_IN_REQUIRED');
    }
  });

  it('each method needs its declared right: a technician is refused supervisor and installer work before the handler runs', async () => {
    const fm = open();
    await signInAs(fm, 'technician');
    const refused = (
      [
        'sync.settings.set',
        'sync.credentials.set',
        'sync.rejected.edit',
        'sync.rejected.retry',
        'pan.linkKey',
        'review.edit',
        'audit.list',
        'profiles.add',
        'export.run',
      ] as MethodName[]
    ).map(async (m) => [m, await codeOf(() => (fm.handlers[m] as (input: unknown) => unknown)({}))] as const);
    for (const [method, code] of await Promise.all(refused)) expect(code, method).toBe('FORBIDDEN');
    // What the guard refused never reached the handler: the sync settings are untouched.
    expect(fm.store.settings.get('sync.endpoint')).toBeNull();
    const forbidden = await dispatch(fm.handlers, 'sync.settings.set', {
      endpoint: 'https://elsewhere.example/cim',
      soapVersion: '1.1',
      caPath: '',
      schemaFolder: '',
    });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { right: 'supervise', role: 'technician' } } });
    expect(methods['sync.rejected.retry'].right).toBe('install');
    expect(methods['pan.linkKey'].right).toBe('install');
  });

  it('the first profile is a supervisor anyone may create; after that only a signed-in supervisor adds profiles', async () => {
    const fm = open();
    expect(await dispatch(fm.handlers, 'session.get', {})).toEqual({ ok: true, value: { profile: null, profilesExist: false } });
    expect(await dispatch(fm.handlers, 'profiles.createFirst', { name: 'Sam', secret: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    const first = await dispatch(fm.handlers, 'profiles.createFirst', { name: 'Sam', secret: '135790' });
    expect(first).toEqual({ ok: true, value: { profile: { name: 'Sam', role: 'supervisor' }, profilesExist: true } });
    await dispatch(fm.handlers, 'session.signOut', {});
    expect(await dispatch(fm.handlers, 'profiles.createFirst', { name: 'Eve', secret: '135790' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await dispatch(fm.handlers, 'profiles.add', { name: 'Eve', role: 'supervisor', secret: '135790' })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED' },
    });
    expect((await dispatch(fm.handlers, 'session.signIn', { name: 'Sam', secret: '135790' })).ok).toBe(true);
    expect(await dispatch(fm.handlers, 'profiles.add', { name: 'Tina', role: 'technician', secret: 'field-pass' })).toEqual({
      ok: true,
      value: { name: 'Tina', role: 'technician' },
    });
    expect(await dispatch(fm.handlers, 'profiles.add', { name: 'tina', role: 'supervisor', secret: 'field-pass' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await dispatch(fm.handlers, 'profiles.remove', { name: 'Sam' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'lastSupervisor' } },
    });
    // The database holds a salted scrypt hash, never the PIN.
    fm.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(fm.store.path).toString('latin1');
    expect(file).not.toContain('135790');
    expect(file).not.toContain('field-pass');
    expect(fm.store.profiles.byName('Sam')!.secretHash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('switching is audited under the profile signed in before, and a removed profile is signed out at once', async () => {
    const fm = open();
    await signInAs(fm, 'supervisor');
    await signInAs(fm, 'technician');
    const switched = fm.store.review.audit('session.signIn', 10).find((a) => a.entityId === 'Tina');
    expect(switched).toMatchObject({ actor: 'Sam', role: 'supervisor' });
    expect(JSON.parse(switched!.details)).toMatchObject({ from: 'Sam', to: 'Tina' });
    fm.store.profiles.remove(fm.store.profiles.byName('Tina')!.id, new Date().toISOString());
    expect(await codeOf(() => fm.handlers['readings.list']({ limit: 1 }))).toBe('SIGN_IN_REQUIRED');
  });

  it(`${FREE_TRIES} wrong tries lock a profile for a growing delay; the right PIN is refused while locked`, async () => {
    const fm = open();
    await addProfile(fm.store, 'installer');
    let now = new Date('2026-12-07T08:00:00Z');
    const session = createSession(fm.store, { now: () => now });
    for (let i = 1; i < FREE_TRIES; i++) {
      await expect(session.signIn('Ines', '000000')).rejects.toMatchObject({
        code: 'SIGN_IN_FAILED',
        details: { reason: 'wrong', triesLeft: FREE_TRIES - i },
      });
    }
    await expect(session.signIn('Ines', '000000')).rejects.toMatchObject({
      code: 'SIGN_IN_FAILED',
      details: { reason: 'locked', lockedUntil: '2026-12-07T08:00:30.000Z' },
    });
    await expect(session.signIn('Ines', TEST_PIN)).rejects.toMatchObject({ details: { reason: 'locked' } });
    now = new Date('2026-12-07T08:00:31Z');
    await expect(session.signIn('Ines', '000000')).rejects.toMatchObject({ details: { lockedUntil: '2026-12-07T08:01:31.000Z' } });
    expect([lockAfter(4), lockAfter(5), lockAfter(6), lockAfter(20)]).toEqual([0, 30_000, 60_000, 3_600_000]);
    now = new Date('2026-12-07T08:02:00Z');
    expect((await session.signIn('Ines', TEST_PIN)).profile).toEqual({ name: 'Ines', role: 'installer' });
    expect(fm.store.profiles.byName('Ines')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect(fm.store.review.audit('session.signInFailed', 20)).toHaveLength(FREE_TRIES + 1);
  });
});
