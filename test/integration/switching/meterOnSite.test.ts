/**
 * A switch visit confirms the meter (issue 24 §1): the serial scanned off the plate — a Code 128 drawn
 * by bwip-js and read back by the app's own decoder (zxing-wasm) — or typed, is checked on the Node
 * side against the meter installed at the usage point, with the exchange's refusal (meterNotExpected).
 * A wrong meter writes nothing: no reading, no outbox message, the order still open.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRoute } from '../../../electron/services/fieldmeter';
import { openStore, type Store } from '../../../electron/services/store';
import { recordControl } from '../../../electron/services/switching/control';
import { takeSwitchReading } from '../../../electron/services/switching/switchRead';
import { decodeImage, prepareDecoder } from '../../../renderer/src/lib/barcodeDecoder';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { onCanvas, symbolImage, toImageData } from '../../support/symbols';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'Tom Technician', role: 'technician' } as const;
const installer = { name: 'Ines Installer', role: 'installer' } as const;

beforeAll(() => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareDecoder({ bytes: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
});

/** What the camera reads off a serial plate printed as Code 128. */
async function scanPlate(serial: string): Promise<string> {
  const frame = onCanvas(symbolImage('code128', serial, 3), 640, 480);
  const code = await decodeImage(toImageData(frame));
  if (!code) throw new Error(`the plate ${serial} did not decode`);
  return code.text;
}

describe('a switch visit confirms the meter by its serial (issue 24 §1)', () => {
  const tempDir = useTempDir();
  const open = () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'sw.db'));
    loadDemoRoute(store, actor);
    return { store, context: { settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date() } };
  };
  const values = (store: Store, up: string) =>
    (store.meters.get(up)?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
  const expectedAt = (store: Store, up: string) => store.workOrders.meterAt(up)?.serialNumber ?? '';

  it('the scanned serial of the installed meter is taken; the reading is saved', async () => {
    const { store, context } = open();
    const scanned = await scanPlate(expectedAt(store, 'UP-1005'));
    const done = takeSwitchReading(
      store,
      actor,
      { switchOrderId: 'SW-DEMO-MO5', values: values(store, 'UP-1005'), meterSerial: scanned },
      context,
    );
    expect(done.order.status).toBe('completed');
    store.close();
  });

  it('a scanned serial of another meter is refused in the exchange’s words, and nothing is written', async () => {
    const { store, context } = open();
    const outbox = store.outbox.list().length;
    const audits = store.journal.auditCount();
    const other = expectedAt(store, 'UP-1006'); // the meter next door
    const scanned = await scanPlate(other);
    expect(scanned).toBe(other);
    expect(() =>
      takeSwitchReading(store, actor, { switchOrderId: 'SW-DEMO-MO5', values: values(store, 'UP-1005'), meterSerial: scanned }, context),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ reason: 'meterNotExpected', expected: expectedAt(store, 'UP-1005') }) as unknown,
        message: expect.stringMatching(/is not the one expected at UP-1005/) as unknown,
      }),
    );
    expect(store.outbox.list()).toHaveLength(outbox);
    expect(store.journal.auditCount()).toBe(audits);
    expect(store.switching.get('SW-DEMO-MO5')?.status).toBe('assigned');
    store.close();
  });

  it('a typed serial is checked the same way (case and leading zeros aside, as at an exchange)', () => {
    const { store, context } = open();
    const expected = expectedAt(store, 'UP-1006');
    expect(() =>
      takeSwitchReading(
        store,
        actor,
        { switchOrderId: 'SW-DEMO-MI6', values: values(store, 'UP-1006'), meterSerial: `${expected}9` },
        context,
      ),
    ).toThrow(/not the one expected/);
    const done = takeSwitchReading(
      store,
      actor,
      { switchOrderId: 'SW-DEMO-MI6', values: values(store, 'UP-1006'), meterSerial: ` ${expected.toLowerCase()} ` },
      context,
    );
    expect(done.order.status).toBe('completed');
    store.close();
  });

  it('a disconnect at another meter is refused before anything is switched or sealed', async () => {
    const { store, context } = open();
    const outbox = store.outbox.list().length;
    const order = store.switching.get('SW-DEMO-DC9');
    if (!order) throw new Error('demo disconnect missing');
    const wrong = await scanPlate(expectedAt(store, 'UP-1005'));
    const request = {
      switchOrderId: 'SW-DEMO-DC9',
      outcome: 'done',
      action: 'localSwitch',
      sealNumber: 'S-1',
      meterSerial: wrong,
    } as const;
    expect(() => recordControl(store, installer, request, context)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'meterNotExpected' }) as unknown }),
    );
    expect(store.outbox.list()).toHaveLength(outbox);
    const right = await scanPlate(expectedAt(store, order.usagePointId));
    expect(recordControl(store, installer, { ...request, meterSerial: right }, context).order.status).not.toBe('assigned');
    store.close();
  });
});
