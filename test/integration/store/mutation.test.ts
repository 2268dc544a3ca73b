/**
 * A change and its audit row land together or not at all (issue 16 §1): the store's one mutation
 * wrapper, the journal's refusal of an audit row outside a transaction, and the credentials change
 * whose audit row used to be written after, and apart from, the secret it recorded.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { openStore, type Store } from '../../../electron/services/store';
import type { Change } from '../../../electron/services/store/mutation';
import { encryptedSecretStore } from '../../../electron/services/sync/secrets';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const supervisor = { name: 'Sam Supervisor', role: 'supervisor' } as const;
const auditRows = (store: Store, action: string) =>
  store.db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;
/** A full disk, as SQLite reports it, for the audit log only. */
const failAuditWrites = (store: Store) =>
  store.db.exec("CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");

describe('store.mutate', () => {
  const tempDir = useTempDir();
  let store: Store | undefined;
  afterEach(() => store?.close());

  it('writes the work and its audit row in one transaction, and neither when the work fails', () => {
    store = openStore(join(tempDir(), 'fm.db'));
    const s = store;
    s.mutate(supervisor, (change) => {
      s.settings.set('map', '{}');
      change.audit({ action: 'map.settings', entity: 'settings', entityId: 'map' });
    });
    expect(auditRows(s, 'map.settings')).toBe(1);

    expect(() =>
      s.mutate(supervisor, (change) => {
        s.settings.set('map', '{"tileUrl":"x"}');
        change.audit({ action: 'map.settings', entity: 'settings', entityId: 'map' });
        throw new Error('the work failed after its audit row');
      }),
    ).toThrow(/work failed/);
    expect(s.settings.get('map')).toBe('{}');
    expect(auditRows(s, 'map.settings')).toBe(1);
  });

  it('refuses an audit row outside a transaction, and one written after its change ended', () => {
    store = openStore(join(tempDir(), 'fm.db'));
    const s = store;
    expect(() => s.journal.audit(supervisor, { action: 'loose', entity: 'settings', entityId: 'x' })).toThrow(
      /in its change's transaction/,
    );
    let kept: Change | undefined;
    s.mutate(supervisor, (change) => {
      kept = change;
    });
    expect(() => kept!.audit({ action: 'late', entity: 'settings', entityId: 'x' })).toThrow(/after its change's transaction ended/);
    expect(auditRows(s, 'loose') + auditRows(s, 'late')).toBe(0);
  });
});

describe('a change made through a handler', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  afterEach(() => app?.close());

  it('keeps no credentials when their audit row cannot be written', async () => {
    app = startFieldmeter({
      databasePath: join(tempDir(), 'fm.db'),
      host: 'electron',
      secrets: (blobs) => encryptedSecretStore(xorEncryptor, blobs),
    });
    await signInAs(app, 'supervisor');
    const h = app.handlers;
    await h['sync.settings.set']({ endpoint: 'https://mdm.example.com/cim', soapVersion: '1.1', caPath: '', schemaFolder: '' });
    failAuditWrites(app.store);
    expect(() => h['sync.credentials.set']({ kind: 'bearer', token: 'tok-1' })).toThrow(/disk is full/);
    expect(app.store.syncState.get('secret.sync.token')).toBeNull();
    expect((await h['sync.settings.get']({})).credentials.kind).toBe('none');
  });
});
