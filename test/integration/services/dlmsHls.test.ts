/**
 * A DLMS meter that asks for HLS mechanism 5 (HLS-GMAC, Green Book §9.2.7.4) read from the screen
 * over a PTY: its keys come from the meter-key store (named by the stop's meter serial), never
 * from the user; without keys the read says so in words; a wrong key is refused once, never retried.
 * The keys are the Green Book's example keys (EK 000102…0F, AK D0D1…DF).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { nodeAesGcm } from '../../../electron/services/dlms/aesGcm';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import type { DlmsReadResult } from '../../../shared/contract/methods/dlmsRead';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const EK = '000102030405060708090A0B0C0D0E0F';
const AK = 'D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF';
const WRONG = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF';
const ACTIVE_IMPORT_KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));

describe.skipIf(socatSkipReason !== null)(
  `DLMS HLS with the meter-key store${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    /** The demo route, the HLS meter of a one-register stop on a PTY, and (when given) its keys imported by a supervisor. */
    async function setUp(keys: { encryption: string; authentication: string } | null) {
      const dir = tempDir();
      const app = startFieldmeter({
        databasePath: join(dir, 'fm.db'),
        host: 'web',
        meterKeys: { encryptor: secretEncryptor('a secret from the environment') },
      });
      await signInAs(app, 'supervisor');
      await dispatch(app.handlers, 'demo.load', {});
      const stop = Array.from({ length: 50 }, (_, i) => app.store.meters.get(`UP-${1001 + i}`)).find(
        (m) => m?.registers.length === 1 && m.registers[0]?.readingType === ACTIVE_IMPORT_KWH,
      );
      if (!stop) throw new Error('no single-register electricity stop in the demo route');
      if (keys) {
        const content = [
          'manufacturer,id,kind,key',
          `,${stop.meterSerial},dlms.encryption,${keys.encryption}`,
          `,${stop.meterSerial},dlms.authentication,${keys.authentication}`,
        ].join('\n');
        const imported = await dispatch(app.handlers, 'meterKeys.import', { fileName: 'keys.csv', content });
        expect(imported.ok, JSON.stringify(imported)).toBe(true);
      }
      await signInAs(app, 'technician');
      const running = await runDlmsMeter(join(dir, 'probe'), {
        password: 'unused01',
        days: 1,
        serial: stop.meterSerial,
        hls: { gcm: nodeAesGcm, encryptionKey: hex(EK), authenticationKey: hex(AK), systemTitle: hex('4D4D4D0000BC614E') },
      });
      const read = () =>
        dispatch(app.handlers, 'optical.dlmsRead', {
          usagePointId: stop.usagePointId,
          port: running.appPath,
          confirmReason: 'simulated meter',
        });
      const close = async () => {
        await running.stop();
        app.close();
      };
      return { app, stop, running, read, close };
    }

    it(
      'reads with the keys from the store: HLS passes 1–4, then the registers are saved',
      async () => {
        const { stop, running, read, close } = await setUp({ encryption: EK, authentication: AK });
        try {
          const result = await read();
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          expect(result.value as DlmsReadResult).toMatchObject({ meterSerial: stop.meterSerial, savedReadings: 1 });
          expect(running.meter.meter.hdlc.hlsServer?.refusedReplies).toBe(0);
        } finally {
          await close();
        }
      },
      scaled(30_000),
    );

    it(
      'without keys: a coded error that asks the office for the key, nothing saved',
      async () => {
        const { app, stop, read, close } = await setUp(null);
        try {
          const outbox = app.store.outbox.list().length;
          const result = await read();
          expect(result.ok).toBe(false);
          expect(result.ok ? null : result.error).toMatchObject({ code: 'OPTICAL_READ_FAILED', details: { reason: 'meterKeyMissing' } });
          expect(app.store.outbox.list()).toHaveLength(outbox);
          expect(app.store.meters.get(stop.usagePointId)?.registers[0]?.lastValue).toBe(stop.registers[0]?.lastValue);
        } finally {
          await close();
        }
      },
      scaled(30_000),
    );

    it(
      'with a wrong key: refused once and never retried (a meter locks after a few), no key in the error',
      async () => {
        const { running, read, close } = await setUp({ encryption: EK, authentication: WRONG });
        try {
          const result = await read();
          expect(result.ok).toBe(false);
          const error = result.ok ? null : result.error;
          expect(error).toMatchObject({ code: 'OPTICAL_READ_FAILED', details: { reason: 'probe', code: 'PASSWORD_REJECTED' } });
          expect(running.meter.meter.hdlc.hlsServer?.refusedReplies).toBe(1);
          expect(running.meter.meter.signOns).toBe(1);
          const said = JSON.stringify(error);
          for (const key of [EK, AK, WRONG]) expect(said.toUpperCase()).not.toContain(key);
        } finally {
          await close();
        }
      },
      scaled(30_000),
    );
  },
);
