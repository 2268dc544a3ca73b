/**
 * A DLMS meter's standard event log (Profile Generic 0-0:99.98.0.255; issue 22 item 3) read with
 * the stop's Read over a PTY and sent as EndDeviceEvents at the meter's own time: the published
 * 61968-9 code where the IDIS event number has one (1 power down → 3.26.38.85, 2 power up →
 * 3.26.38.49, 40 terminal cover removed → 3.12.141.212), an unknown number (231) with its raw
 * number and no guessed code; read twice → queued once; valid against the Connexo
 * EndDeviceEvents schema with xmllint.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { readOutboxRows } from '../../../electron/services/messages/renderOutbox';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import { renderOutboxRow } from '../../../shared/cim/outbox/render';
import { importDlmsPassword } from '../../support/dlmsPassword';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { socatSkipReason } from '../serial/ptyHarness';

const ACTIVE_IMPORT_KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const skip = socatSkipReason ?? xsdSkipReason;

describe.skipIf(skip !== null)(`DLMS event log → EndDeviceEvents${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
  const tempDir = useTempDir();

  it(
    'queues each logged event once at the meter’s time, mapped where a published code exists and raw otherwise',
    async () => {
      const dir = tempDir();
      const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web', meterKeys: { encryptor: xorEncryptor } });
      await signInAs(app, 'technician');
      await dispatch(app.handlers, 'demo.load', {});
      const stop = Array.from({ length: 50 }, (_, i) => app.store.meters.get(`UP-${1001 + i}`)).find(
        (m) => m?.registers.length === 1 && m.registers[0]?.readingType === ACTIVE_IMPORT_KWH,
      );
      if (!stop) throw new Error('no single-register electricity stop in the demo route');
      await importDlmsPassword(app, stop.meterSerial, 'secret01', 'technician');
      const running = await runDlmsMeter(join(dir, 'probe'), { password: 'secret01', days: 1, serial: stop.meterSerial });
      const read = async () => {
        const result = await dispatch(app.handlers, 'optical.dlmsRead', {
          usagePointId: stop.usagePointId,
          port: running.appPath,
          confirmReason: 'simulated meter',
        });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
      };
      const eventRows = () => readOutboxRows(app.store, { status: 'pending' }).filter((r) => r.kind === 'meterStatusEvents');
      try {
        await read();
        const [row] = eventRows();
        if (!row) throw new Error('no EndDeviceEvents queued');
        const log = running.meter.meter.hdlc.eventLog.entries;
        const payload = row.payload as {
          events: { eventType: string; createdDateTime: string; details: { name: string; value: string }[] }[];
        };
        expect(payload.events.map((e) => e.eventType)).toEqual(['3.26.38.85', '3.26.38.49', '3.12.141.212', '0.0.0.0']);
        expect(payload.events.at(-1)?.details).toContainEqual({ name: 'dlmsEventCode', value: '231' });
        // The meter's own time, with its offset (CET in the simulator).
        expect(payload.events[0]?.createdDateTime).toMatch(/\+01:00$/);
        expect(Date.parse(payload.events[0]?.createdDateTime ?? '')).toBe(log[0]?.at);
        const xml = renderOutboxRow(row, { source: 'FIELDMETER-01' }, 'typed');
        expect(validateXml(xml, typedXsd('EndDeviceEvents')).errors).toEqual([]);

        // Read again: nothing new. Then one new event: only that one goes.
        await read();
        expect(eventRows()).toHaveLength(1);
        running.meter.meter.hdlc.eventLog.log(2);
        await read();
        const rows = eventRows();
        expect(rows).toHaveLength(2);
        expect((rows[1]?.payload as typeof payload).events.map((e) => e.eventType)).toEqual(['3.26.38.49']);
      } finally {
        await running.stop();
        app.close();
      }
    },
    scaled(60_000),
  );
});
