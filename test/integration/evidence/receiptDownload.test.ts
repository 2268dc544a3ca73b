/**
 * Signature and receipt through the contract and the web host (issue 24): each method behind its
 * right (the guard refuses an exchange's signature to a technician), the receipt served as a PDF
 * download with the token only, by the name the app gave it, never a path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startWebHost, type WebHost } from '../../../electron/host/web/server';
import { loadDemoRoute, startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { rawRequest } from '../../support/rawHttp';

const get = (host: WebHost, path: string, headers: Record<string, string> = {}) => rawRequest(host.port, path, { headers });

describe('signature and receipt through the contract and the web host', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  let host: WebHost | undefined;
  afterEach(async () => {
    await host?.close();
    app?.close();
    host = app = undefined;
  });

  it('a technician signs a switch reading off and downloads its receipt; an exchange signature needs an installer', async () => {
    const dir = tempDir();
    app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'web' });
    const tech = await signInAs(app, 'technician', 'Tina');
    loadDemoRoute(app.store, tech);
    const values = (app.store.meters.get('UP-1005')?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
    expect((await dispatch(app.handlers, 'switching.read', { switchOrderId: 'SW-DEMO-MO5', values })).ok).toBe(true);
    const signed = await dispatch(app.handlers, 'evidence.signSwitch', { switchOrderId: 'SW-DEMO-MO5', signature: { status: 'declined' } });
    expect(signed).toMatchObject({ ok: true, value: { status: 'declined', signerName: '', hasImage: false } });
    const refused = await dispatch(app.handlers, 'evidence.signWorkOrder', {
      workOrderId: 'WO-DEMO-EX1',
      signature: { status: 'declined' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { right: 'install' } } });
    const unfinished = await dispatch(app.handlers, 'evidence.signSwitch', {
      switchOrderId: 'SW-DEMO-MI6',
      signature: { status: 'signed', signerName: 'J', imageBase64: 'bm90IGEgcG5n' },
    });
    expect(unfinished).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'visitNotFinished' } } });

    const made = await dispatch(app.handlers, 'evidence.receiptSwitch', { switchOrderId: 'SW-DEMO-MO5', language: 'de' });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const { fileName } = made.value as { fileName: string };
    expect(await dispatch(app.handlers, 'evidence.get', { visit: { kind: 'switchOrder', id: 'SW-DEMO-MO5' } })).toMatchObject({
      ok: true,
      value: { receipts: [{ fileName, language: 'de' }] },
    });

    host = await startWebHost({ app });
    const auth = { Authorization: `Bearer ${host.token}` };
    const ok = await get(host, `/api/receipt/${fileName}`, auth);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
    expect(ok.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await get(host, `/api/receipt/${fileName}`)).status).toBe(401);
    for (const name of ['..%2Ffieldmeter.db', 'fieldmeter.db', 'receipt-AAAAAAAAAA-de.pdf', `${fileName}%00`]) {
      expect([name, (await get(host, `/api/receipt/${name}`, auth)).status]).toEqual([name, 404]);
    }
    app.session.signOut();
    expect((await get(host, `/api/receipt/${fileName}`, auth)).status).toBe(403);
  });

  it('the desktop app saves the receipt where the save dialog says, as .pdf only, never over the database', async () => {
    const dir = tempDir();
    let answer: string | null = join(dir, 'for-the-customer.pdf');
    app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'electron', saveDialog: () => Promise.resolve(answer) });
    const tech = await signInAs(app, 'technician', 'Tina');
    loadDemoRoute(app.store, tech);
    const values = (app.store.meters.get('UP-1005')?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
    await dispatch(app.handlers, 'switching.read', { switchOrderId: 'SW-DEMO-MO5', values });
    await dispatch(app.handlers, 'evidence.signSwitch', { switchOrderId: 'SW-DEMO-MO5', signature: { status: 'declined' } });
    const made = await dispatch(app.handlers, 'evidence.receiptSwitch', { switchOrderId: 'SW-DEMO-MO5', language: 'en' });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const { fileName } = made.value as { fileName: string };
    expect(await dispatch(app.handlers, 'evidence.saveReceiptAs', { fileName })).toEqual({ ok: true, value: { path: answer } });
    expect(readFileSync(answer ?? '').equals(readFileSync(join(dir, 'photos', fileName)))).toBe(true);
    answer = join(dir, 'receipt.txt');
    expect(await dispatch(app.handlers, 'evidence.saveReceiptAs', { fileName })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    answer = join(dir, 'fieldmeter.db');
    expect(await dispatch(app.handlers, 'evidence.saveReceiptAs', { fileName })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    answer = null;
    expect(await dispatch(app.handlers, 'evidence.saveReceiptAs', { fileName })).toEqual({ ok: true, value: { path: null } });
  });
});
