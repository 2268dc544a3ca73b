/**
 * A walk-by listening session over a real store: telegrams as the iM871A and the Amber stick hand
 * them over, in any chunking, matched to the route's radio meters, saved through the reading checks.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createListenSession, type ListenSession, type ReceiverKind } from '../../../electron/services/mbus/listen';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import { radioStopsOf } from '../../../electron/services/mbus/radioRoute';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { encodeTelegram, hexBytes, volumeRecords, wrapForReceiver } from '../../../shared/mbus';
import { csv, KWH, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';
const actor = { name: 'Tina', role: 'technician' } as const;
const KEY = hexBytes('000102030405060708090A0B0C0D0E0F');

const route = csv(
  row({ seq: '10', up: 'UP-1', serial: 'KAM44556677', type: WATER, dials: '5', decimals: '3', last: '100', average: '0.3' }),
  row({ seq: '20', up: 'UP-2', serial: 'ZRI12345678', type: WATER, dials: '5', decimals: '2', last: '200', average: '0.3' }),
  row({ seq: '30', up: 'UP-3', serial: 'LAS00000001', type: WATER, dials: '5', decimals: '2', last: '10', average: '0.3' }),
  row({ seq: '40', up: 'UP-4', serial: 'E100', type: KWH }),
);

const meter = (manufacturer: string, id: string, key?: Uint8Array) => ({
  manufacturer,
  id,
  version: 1,
  deviceType: 0x07,
  ...(key ? { key, aes: nodeAes } : {}),
});
const sent = (receiver: ReceiverKind, m: ReturnType<typeof meter>, accessNumber: number, volume: string) =>
  wrapForReceiver(receiver, encodeTelegram({ ...m, accessNumber, records: volumeRecords(volume), withoutCrc: true }), 0x50);

describe('listening to a route', () => {
  const tempDir = useTempDir();
  let store: Store | undefined;
  afterEach(() => store?.close());

  function listen(
    receiver: ReceiverKind,
    autoSave: boolean,
    keys = new Map([['ZRI12345678', KEY]]),
  ): { session: ListenSession; store: Store } {
    const dir = tempDir();
    store = openStore(join(dir, 'f.db'));
    importRoute(store, actor, { fileName: 'r.csv', content: route, acceptValidRows: false });
    const stops = radioStopsOf(store, 'R1');
    const session = createListenSession({
      store,
      actor: () => actor,
      receiver,
      stops,
      keys,
      aes: nodeAes,
      autoSave,
      settings: defaultValidationSettings,
      photoDir: join(dir, 'photos'),
    });
    return { session, store };
  }

  const readings = (s: Store) => s.db.prepare('SELECT count(*) FROM reading_sets').pluck().get();

  it.each(['im871a', 'amber'] as const)(
    "hears the route's radio meters through the %s, byte by byte, and counts who was not heard",
    (receiver) => {
      const { session, store } = listen(receiver, false);
      expect(session.counts()).toMatchObject({ stops: 3, heard: 0, notHeard: 3 });
      const bytes = [
        sent(receiver, meter('KAM', '44556677'), 7, '123.4567'),
        sent(receiver, meter('ZRI', '12345678', KEY), 9, '201.5'),
        sent(receiver, meter('XYZ', '99999999'), 1, '1'),
      ];
      for (const frame of bytes) for (const byte of frame) session.feed(Uint8Array.of(byte));
      const heard = new Map(session.heard().map((h) => [h.usagePointId, h]));
      expect(heard.get('UP-1')).toMatchObject({ values: [{ value: '123.456' }], reason: null, readingSetId: null });
      expect(heard.get('UP-2')).toMatchObject({ values: [{ value: '201.50' }], reason: null });
      expect(session.counts()).toMatchObject({ heard: 2, notHeard: 1, notOnRoute: 1 });
      expect(session.notHeardSince('1970-01-01T00:00:00Z').map((s) => s.usagePointId)).toEqual(['UP-3']);
      expect(readings(store)).toBe(0);
    },
  );

  it('saves a heard meter with one tap, once; the same or an older access number is never saved again', () => {
    const { session, store } = listen('im871a', false);
    session.feed(sent('im871a', meter('KAM', '44556677'), 7, '123.456'));
    const { readingSetId } = session.save('UP-1');
    expect(
      store.db
        .prepare('SELECT r.value FROM readings r JOIN reading_sets s ON s.id = r.reading_set_id WHERE s.id = ?')
        .pluck()
        .get(readingSetId),
    ).toBe('123.456');
    expect(session.save('UP-1')).toEqual({ readingSetId });
    // Heard over the air: a radio read with the device's own quality, not an optical or typed one.
    expect(store.db.prepare('SELECT source FROM reading_sets WHERE id = ?').pluck().get(readingSetId)).toBe('radio');
    expect(store.db.prepare('SELECT qualities FROM readings WHERE reading_set_id = ?').pluck().get(readingSetId)).toContain('1.0.0');
    session.feed(sent('im871a', meter('KAM', '44556677'), 7, '123.456')); // heard twice
    session.feed(sent('im871a', meter('KAM', '44556677'), 5, '999.999')); // an old telegram sent again
    expect(session.counts().duplicates).toBe(2);
    expect(session.heard()[0]).toMatchObject({ accessNumber: 7, values: [{ value: '123.456' }] });
    expect(readings(store)).toBe(1);
    expect(store.db.prepare("SELECT details FROM audit_log WHERE action = 'readings.save'").pluck().get()).toContain('wmbus');
  });

  it('shows a meter without its key as heard, cannot decrypt, with no values and nothing to save', () => {
    const { session, store } = listen('amber', true, new Map());
    session.feed(sent('amber', meter('ZRI', '12345678', KEY), 3, '201.5'));
    expect(session.heard()).toEqual([expect.objectContaining({ usagePointId: 'UP-2', reason: 'mbus.noKey', values: [] })]);
    expect(session.counts()).toMatchObject({ heard: 1, unreadable: 1 });
    expect(() => session.save('UP-2')).toThrow(/not been heard with values/);
    expect(readings(store)).toBe(0);
  });

  it('saves every heard meter without a tap when the route says so, and leaves a value out of range for the technician', () => {
    const { session, store } = listen('im871a', true);
    session.feed(sent('im871a', meter('KAM', '44556677'), 1, '123.456'));
    session.feed(sent('im871a', meter('KAM', '44556677'), 2, '123.460'));
    session.feed(sent('im871a', meter('ZRI', '12345678', KEY), 1, '150')); // below the last read of 200
    session.flush(); // the batch's window closing
    expect(readings(store)).toBe(1);
    const byStop = new Map(session.heard().map((h) => [h.usagePointId, h]));
    expect(byStop.get('UP-1')?.readingSetId).not.toBeNull();
    expect(byStop.get('UP-2')).toMatchObject({ readingSetId: null, saveProblem: 'NEEDS_CONFIRMATION' });
    expect(session.saveAllHeard()).toEqual({ saved: 0, skipped: 1 });
  });
});
