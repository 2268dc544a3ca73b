import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startWebHost, type WebHost } from '../../../electron/host/web/server';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { rawRequest } from '../../support/rawHttp';
import { signInAs } from '../../support/profiles';

const tech = { name: 'Tina', role: 'technician' } as const;

const get = (host: WebHost, path: string, headers: Record<string, string> = {}) => rawRequest(host.port, path, { headers });

/** Two meters on two routes, both read; the supervisor profile active. */
function seeded(dir: string, saveDialog?: (name: string) => Promise<string | null>): Fieldmeter {
  const app = startFieldmeter({
    databasePath: join(dir, 'fieldmeter.db'),
    host: saveDialog ? 'electron' : 'web',
    ...(saveDialog ? { saveDialog } : {}),
  });
  importRoute(app.store, tech, {
    fileName: 'r.csv',
    content: csv(row({ route: 'R1', up: 'UP-1', serial: 'E1' }), row({ route: 'R2', up: 'UP-2', serial: 'E2' })),
    acceptValidRows: false,
  });
  for (const up of ['UP-1', 'UP-2']) {
    const meter = app.store.meters.get(up)!;
    saveManualReadings(
      app.store,
      tech,
      { usagePointId: up, values: [{ registerId: meter.registers[0]!.id, value: '1100' }] },
      { settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date('2026-11-20T09:00:00Z') },
    );
  }
  return app;
}

async function exportCsv(app: Fieldmeter, filter: Record<string, string>) {
  const r = await dispatch(app.handlers, 'export.run', { format: 'csv', filter });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as { path: string; fileName: string; rows: number };
}

describe('an export reaches the person', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  let host: WebHost | undefined;
  afterEach(async () => {
    await host?.close();
    app?.close();
    host = app = undefined;
  });

  it('the web host serves the export as a download with the token, and nothing else', async () => {
    const dir = tempDir();
    app = seeded(dir);
    await signInAs(app, 'supervisor', 'Sam');
    const exported = await exportCsv(app, { route: 'R2' });
    host = await startWebHost({ app });
    const auth = { Authorization: `Bearer ${host.token}` };

    const ok = await get(host, `/api/export/${exported.fileName}`, auth);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-disposition']).toBe(`attachment; filename="${exported.fileName}"`);
    expect(ok.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.body.equals(readFileSync(exported.path))).toBe(true);
    const records = parse(ok.body, { columns: true }) as { route: string; usage_point: string }[];
    expect(records.map((r) => [r.route, r.usage_point])).toEqual([['R2', 'UP-2']]);

    expect((await get(host, `/api/export/${exported.fileName}`)).status).toBe(401);
    expect((await get(host, `/api/export/${exported.fileName}`, { Authorization: 'Bearer wrong' })).status).toBe(401);
    writeFileSync(join(dir, 'exports', 'notes.txt'), 'not an export');
    symlinkSync(join(dir, 'fieldmeter.db'), join(dir, 'exports', 'fieldmeter-link.csv'));
    for (const name of [
      '..%2Ffieldmeter.db',
      '%2E%2E%2Ffieldmeter.db',
      'fieldmeter.db',
      'notes.txt',
      'fieldmeter-link.csv',
      'fieldmeter-missing.csv',
      '%E0%A4%A',
      `${exported.fileName}%00`,
    ]) {
      const refused = await get(host, `/api/export/${name}`, auth);
      expect([name, refused.status, JSON.parse(refused.body.toString()).error.code]).toEqual([name, 404, 'NOT_FOUND']);
    }
    expect((await get(host, '/api/export/../fieldmeter.db', auth)).status).toBe(404);

    await signInAs(app, 'technician', 'Tina');
    const forbidden = await get(host, `/api/export/${exported.fileName}`, auth);
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(forbidden.body.toString()).error).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'needsRight', right: 'supervise', role: 'technician' },
    });
  });

  it('the desktop app copies the export to the place chosen in the save dialog, after checking it', async () => {
    const dir = tempDir();
    let answer: string | null = null;
    const asked: string[] = [];
    app = seeded(dir, (name) => {
      asked.push(name);
      return Promise.resolve(answer);
    });
    await signInAs(app, 'supervisor', 'Sam');
    const exported = await exportCsv(app, {});
    expect(exported.rows).toBe(2);

    expect(await dispatch(app.handlers, 'export.saveAs', { fileName: exported.fileName })).toEqual({ ok: true, value: { path: null } });
    expect(asked).toEqual([exported.fileName]);

    answer = join(dir, 'Documents', 'march.csv');
    const noFolder = await dispatch(app.handlers, 'export.saveAs', { fileName: exported.fileName });
    expect(noFolder.ok ? null : noFolder.error.code).toBe('VALIDATION');

    answer = join(dir, 'march.pdf');
    const wrongEnding = await dispatch(app.handlers, 'export.saveAs', { fileName: exported.fileName });
    expect(wrongEnding.ok ? null : wrongEnding.error).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'fileEnding', ending: 'csv' },
    });
    expect(existsSync(answer)).toBe(false);

    answer = 'relative.csv';
    expect((await dispatch(app.handlers, 'export.saveAs', { fileName: exported.fileName })).ok).toBe(false);

    answer = join(dir, 'march.csv');
    expect(await dispatch(app.handlers, 'export.saveAs', { fileName: exported.fileName })).toEqual({ ok: true, value: { path: answer } });
    expect(readFileSync(answer).equals(readFileSync(exported.path))).toBe(true);

    const traversal = await dispatch(app.handlers, 'export.saveAs', { fileName: '../fieldmeter.db' });
    expect(traversal.ok ? null : traversal.error.code).toBe('BAD_REQUEST');
  });

  it('the web host has no save dialog and says to use Download', async () => {
    app = seeded(tempDir());
    await signInAs(app, 'supervisor', 'Sam');
    const exported = await exportCsv(app, {});
    const r = await dispatch(app.handlers, 'export.saveAs', { fileName: exported.fileName });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'VALIDATION', details: { reason: 'desktopOnly' } });
  });
});
