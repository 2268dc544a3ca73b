import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { addPhoto, readPhoto, sniffImage } from '../../../electron/services/readings/photos';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { SKIP_CODES_SETTING, skipCodes, skipVisit } from '../../../electron/services/readings/skipVisit';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'tester', role: 'technician' } as const;
// The smallest valid images: a 1×1 PNG and the start of a JPEG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

function setUp(dir: string): Store {
  const store = openStore(join(dir, 'fieldmeter.db'));
  importRoute(store, actor, {
    fileName: 'r.csv',
    content: csv(
      row({ hazards: 'dog|key', access: 'Key at no. 3', account: 'ACC-77' }),
      row({ seq: '20', up: 'UP-2', serial: 'E2', hazards: 'unsafe' }),
      row({ seq: '30', up: 'UP-3', serial: 'E3' }),
    ),
    acceptValidRows: false,
  });
  return store;
}
const count = (store: Store, table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('route visits', () => {
  const tempDir = useTempDir();

  it('shows access notes, hazards and account before the reading form, and searches by account', () => {
    const store = setUp(tempDir());
    expect(store.meters.get('UP-1')).toMatchObject({
      accessNotes: 'Key at no. 3',
      hazards: ['dog', 'keyRequired'],
      accountId: 'ACC-77',
      status: 'unread',
      lastSkip: null,
    });
    expect(store.meters.listForRoute('R1', 'acc-77').map((m) => m.usagePointId)).toEqual(['UP-1']);
    store.close();
  });

  it('skips a visit with a code, a note and a photo, in one transaction with its messages', () => {
    const dir = tempDir();
    const store = setUp(dir);
    const photoDir = join(dir, 'photos');
    const photo = addPhoto(store, actor, photoDir, {
      usagePointId: 'UP-1',
      fileName: 'gate.png',
      mimeType: 'image/png',
      dataBase64: PNG.toString('base64'),
    });
    expect(photo.photoId).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(photoDir, `${photo.photoId}.png`))).toEqual(PNG);

    const { skipId } = skipVisit(
      store,
      actor,
      { usagePointId: 'UP-1', code: 'tamperSuspected', note: 'seal broken', photoIds: [photo.photoId] },
      new Date('2026-11-23T10:00:00Z'),
    );
    expect(store.meters.get('UP-1')).toMatchObject({
      status: 'skipped',
      lastSkip: { code: 'tamperSuspected', note: 'seal broken', skippedAt: '2026-11-23T10:00:00.000Z' },
    });
    expect(store.photos.list('UP-1')).toMatchObject([{ photoId: photo.photoId, skipId }]);
    expect(store.routes.list()[0]).toMatchObject({ total: 3, read: 0, skipped: 1 });
    expect(store.meters.listForRoute('R1', '', 'skipped').map((m) => m.usagePointId)).toEqual(['UP-1']);
    expect(store.meters.listForRoute('R1', '', 'unread').map((m) => m.usagePointId)).toEqual(['UP-2', 'UP-3']);

    const outbox = store.db.prepare('SELECT noun, payload FROM outbox ORDER BY id').all() as { noun: string; payload: string }[];
    expect(outbox.map((o) => o.noun)).toEqual(['MeterReadings', 'EndDeviceEvents']);
    expect(JSON.parse(outbox[0]!.payload).readings[0]).toMatchObject({
      value: null,
      qualities: [readingQuality.knownMissingRead],
      comment: 'Tamper suspected: seal broken',
    });
    expect(JSON.parse(outbox[1]!.payload)).toMatchObject({ eventType: '3.12.43.257', meter: 'E100' });
    store.close();
  });

  it('a skip\'s device event takes the meter\'s device type from its commodity (gas 4, water 24), and "damaged" sends none', () => {
    const store = openStore(join(tempDir(), 'fieldmeter.db'));
    const GAS_M3 = '0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.42.0'; // commodity 7 natural gas, volume, m³
    const WATER_M3 = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0'; // commodity 9 potable water
    importRoute(store, actor, {
      fileName: 'r.csv',
      content: csv(
        row({ up: 'UP-G', serial: 'G1', type: GAS_M3 }),
        row({ seq: '20', up: 'UP-W', serial: 'W1', type: WATER_M3 }),
        row({ seq: '30', up: 'UP-E', serial: 'E1' }),
      ),
      acceptValidRows: false,
    });
    const events = () =>
      (store.db.prepare("SELECT payload FROM outbox WHERE noun = 'EndDeviceEvents' ORDER BY id").pluck().all() as string[]).map(
        (p) => JSON.parse(p) as { eventType: string; meter: string },
      );
    skipVisit(store, actor, { usagePointId: 'UP-G', code: 'tamperSuspected', note: '', photoIds: [] });
    skipVisit(store, actor, { usagePointId: 'UP-W', code: 'tamperSuspected', note: '', photoIds: [] });
    expect(events().map((e) => [e.meter, e.eventType])).toEqual([
      ['G1', '4.12.43.257'],
      ['W1', '24.12.43.257'],
    ]);
    // Damage is not "cover removed" (x.12.141.212); the published table has no damage event, so only the missing read goes out.
    skipVisit(store, actor, { usagePointId: 'UP-E', code: 'damaged', note: 'glass cracked', photoIds: [] });
    expect(events()).toHaveLength(2);
    const last = store.db.prepare('SELECT noun, payload FROM outbox ORDER BY id DESC LIMIT 1').get() as { noun: string; payload: string };
    expect(last.noun).toBe('MeterReadings');
    expect(JSON.parse(last.payload).readings[0]).toMatchObject({ value: null, comment: 'Meter damaged: glass cracked' });
    store.close();
  });

  it('a later reading of a skipped stop makes it read', () => {
    const dir = tempDir();
    const store = setUp(dir);
    skipVisit(store, actor, { usagePointId: 'UP-3', code: 'noAccess', note: '', photoIds: [] });
    const meter = store.meters.get('UP-3')!;
    saveManualReadings(
      store,
      actor,
      { usagePointId: 'UP-3', values: [{ registerId: meter.registers[0]!.id, value: '1010' }] },
      { settings: defaultValidationSettings, photoDir: join(dir, 'photos') },
    );
    expect(store.meters.get('UP-3')!.status).toBe('read');
    expect(store.routes.list()[0]).toMatchObject({ read: 1, skipped: 0 });
    store.close();
  });

  it('refuses an unknown skip code and a photo from another usage point, saving nothing', () => {
    const dir = tempDir();
    const store = setUp(dir);
    expect(() => skipVisit(store, actor, { usagePointId: 'UP-1', code: 'aliens', note: '', photoIds: [] })).toThrow('is not a skip reason');
    const photo = addPhoto(store, actor, join(dir, 'photos'), {
      usagePointId: 'UP-2',
      fileName: 'x.jpg',
      mimeType: 'image/jpeg',
      dataBase64: JPEG.toString('base64'),
    });
    expect(() => skipVisit(store, actor, { usagePointId: 'UP-1', code: 'dog', note: '', photoIds: [photo.photoId] })).toThrow(
      'was not taken at usage point UP-1',
    );
    expect(count(store, 'visit_skips')).toBe(0);
    expect(count(store, 'outbox')).toBe(0);
    expect(store.meters.get('UP-1')!.status).toBe('unread');
    store.close();
  });

  it('uses the utility’s skip codes when configured, the defaults when the setting is broken', () => {
    const store = setUp(tempDir());
    store.settings.set(SKIP_CODES_SETTING, JSON.stringify([{ code: 'flooded', label: 'Meter pit flooded', endDeviceEventType: null }]));
    expect(skipCodes(store).map((c) => c.code)).toEqual(['flooded']);
    store.settings.set(SKIP_CODES_SETTING, '{not json');
    expect(skipCodes(store).map((c) => c.code)).toContain('noAccess');
    store.close();
  });

  it('checks that a photo is the image it claims to be, keeps one file per content, and serves the thumbnail', () => {
    const dir = tempDir();
    const store = setUp(dir);
    const photoDir = join(dir, 'photos');
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(Buffer.from('GIF89a'))).toBeNull();
    expect(() =>
      addPhoto(store, actor, photoDir, {
        usagePointId: 'UP-1',
        fileName: 'x.jpg',
        mimeType: 'image/jpeg',
        dataBase64: PNG.toString('base64'),
      }),
    ).toThrow('is not a JPG image');
    expect(() =>
      addPhoto(store, actor, photoDir, {
        usagePointId: 'UP-1',
        fileName: 'x.png',
        mimeType: 'image/png',
        dataBase64: Buffer.from('<svg/>').toString('base64'),
      }),
    ).toThrow();
    const first = addPhoto(store, actor, photoDir, {
      usagePointId: 'UP-1',
      fileName: 'a.png',
      mimeType: 'image/png',
      dataBase64: PNG.toString('base64'),
      thumbnailBase64: JPEG.toString('base64'),
    });
    const again = addPhoto(store, actor, photoDir, {
      usagePointId: 'UP-1',
      fileName: 'b.png',
      mimeType: 'image/png',
      dataBase64: PNG.toString('base64'),
    });
    expect(again.photoId).toBe(first.photoId);
    expect(store.photos.list('UP-1')).toHaveLength(1);
    expect(existsSync(join(photoDir, `${first.photoId}.thumb.jpg`))).toBe(true);
    expect(readPhoto(store, photoDir, first.photoId, 'thumbnail')).toEqual({ mimeType: 'image/jpeg', dataBase64: JPEG.toString('base64') });
    expect(readPhoto(store, photoDir, first.photoId, 'full')).toEqual({ mimeType: 'image/png', dataBase64: PNG.toString('base64') });
    store.close();
  });
});
