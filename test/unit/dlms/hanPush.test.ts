import { describe, expect, it } from 'vitest';
import { nodeAesGcm } from '../../../electron/services/dlms/aesGcm';
import { openHanPush, type HanKeys } from '../../../shared/dlms/hanPush';
import { encipherApdu } from '../../../shared/dlms/ciphering';
import { HanStream } from '../../../shared/dlms/hanStream';
import { HanPushMeter, type HanFraming } from '../../../shared/dlms/simulator/hanPushMeter';
import { greenBook as gb } from './fixtures';

const title = gb.systemTitle;
const titleHex = Buffer.from(title).toString('hex').toUpperCase();
const meterOf = (framing: HanFraming, authenticationKey: Uint8Array | null = gb.authenticationKey) =>
  new HanPushMeter({
    gcm: nodeAesGcm,
    encryptionKey: gb.encryptionKey,
    authenticationKey,
    systemTitle: title,
    serial: '7359992890941742',
    framing,
    now: () => Date.parse('2026-12-07T10:00:00Z'),
    firstCounter: 100,
  });

function heard(bytes: Uint8Array, keys: HanKeys | null, last: number | null = null) {
  const stream = new HanStream();
  // Split as a serial port does: the bytes arrive in pieces.
  const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 90), bytes.subarray(90)].flatMap((b) => stream.feed(b));
  return chunks.map((c) =>
    c.ok ? openHanPush(c.apdu, { gcm: nodeAesGcm, keysFor: (t) => (t === titleHex ? keys : null), lastCounter: () => last }) : c,
  );
}

describe('HAN/P1 pushes', () => {
  it.each(['hdlc', 'mbus'] as const)(
    'opens a ciphered push in %s framing with the meter key: values in units, the serial, the counter',
    (framing) => {
      const [push] = heard(meterOf(framing).next(), { encryptionKey: gb.encryptionKey, authenticationKey: gb.authenticationKey });
      expect(push).toMatchObject({ kind: 'values', systemTitle: titleHex, invocationCounter: 100, meterSerial: '7359992890941742' });
      expect(push && 'kind' in push && push.kind === 'values' ? push.objects : null).toEqual([
        { obis: '1-0:1.7.0.255', classId: 3, attribute: 2, value: '1200', unit: 'W' },
        { obis: '1-0:32.7.0.255', classId: 3, attribute: 2, value: '231.8', unit: 'V' },
        { obis: '1-0:1.8.0.255', classId: 3, attribute: 2, value: '12345670', unit: 'Wh' },
        { obis: '1-0:2.8.0.255', classId: 3, attribute: 2, value: '0', unit: 'Wh' },
      ]);
    },
  );

  it('says heard, cannot decrypt for a wrong or missing key, never values; encryption-only pushes too', () => {
    const wrong = { encryptionKey: new Uint8Array(16).fill(1), authenticationKey: gb.authenticationKey };
    expect(heard(meterOf('hdlc').next(), wrong)).toEqual([
      { kind: 'cannotDecrypt', systemTitle: titleHex, invocationCounter: 100, reason: 'dlms.decrypt' },
    ]);
    expect(heard(meterOf('mbus', null).next(), { ...wrong, authenticationKey: null })).toEqual([
      { kind: 'cannotDecrypt', systemTitle: titleHex, invocationCounter: 100, reason: 'dlms.decrypt' },
    ]);
    expect(heard(meterOf('hdlc').next(), null)).toEqual([
      { kind: 'cannotDecrypt', systemTitle: titleHex, invocationCounter: 100, reason: 'dlms.no-key' },
    ]);
  });

  it('refuses a counter that did not go forward as a replay', () => {
    const keys = { encryptionKey: gb.encryptionKey, authenticationKey: gb.authenticationKey };
    expect(heard(meterOf('hdlc').next(), keys, 100)).toEqual([
      { kind: 'replay', systemTitle: titleHex, invocationCounter: 100, lastCounter: 100 },
    ]);
    expect(heard(meterOf('hdlc').next(), keys, 99)[0]).toMatchObject({ kind: 'values', invocationCounter: 100 });
  });

  it('skips noise between frames and reports a damaged frame', () => {
    const meter = meterOf('hdlc');
    const good = meter.next();
    const bad = meter.next().slice();
    bad[40] = (bad[40] ?? 0) ^ 0xff;
    const stream = new HanStream();
    const chunks = stream.feed(Uint8Array.from([0x00, 0x13, ...bad, 0xff, ...good]));
    expect(chunks.map((c) => (c.ok ? 'apdu' : c.reason))).toEqual(['dlms.fcs', 'apdu']);
  });

  it('reads the DSMR telegram a Luxembourg Smarty ciphers in its push as values, not as "cannot decrypt"', () => {
    // Lines of the example telegram in DSMR 5.0.2 P1 Companion Standard §6.12 (Smarty P1 1.1.1 wraps
    // such a telegram in general-glo-ciphering with the meter's system title and counter).
    const telegram = [
      '/ISk5\\2MT382-1000',
      '',
      '1-3:0.2.8(50)',
      '0-0:1.0.0(101209113020W)',
      '0-0:96.1.1(4B384547303034303436333935353037)',
      '1-0:1.8.1(123456.789*kWh)',
      '1-0:2.8.1(123456.789*kWh)',
      '1-0:1.7.0(01.193*kW)',
      '0-1:24.2.1(101209112500W)(12785.123*m3)',
      '!EF2F',
      '',
    ].join('\r\n');
    const keys = { encryptionKey: gb.encryptionKey, authenticationKey: gb.authenticationKey };
    const push = encipherApdu(new TextEncoder().encode(telegram), {
      gcm: nodeAesGcm,
      ...keys,
      systemTitle: title,
      invocationCounter: 7,
      general: true,
    });
    const opened = openHanPush(push, { gcm: nodeAesGcm, keysFor: () => keys, lastCounter: () => null });
    expect(opened).toEqual({
      kind: 'values',
      systemTitle: titleHex,
      invocationCounter: 7,
      sentAt: '2010-12-09T10:30:20.000Z',
      meterSerial: 'K8EG004046395507',
      objects: [
        { obis: '1-3:0.2.8.255', classId: null, attribute: null, value: '50', unit: null },
        { obis: '1-0:1.8.1.255', classId: null, attribute: null, value: '123456.789', unit: 'kWh' },
        { obis: '1-0:2.8.1.255', classId: null, attribute: null, value: '123456.789', unit: 'kWh' },
        { obis: '1-0:1.7.0.255', classId: null, attribute: null, value: '01.193', unit: 'kW' },
        { obis: '0-1:24.2.1.255', classId: null, attribute: null, value: '12785.123', unit: 'm3' },
      ],
    });
    // A wrong key still opens nothing.
    const wrong = { encryptionKey: new Uint8Array(16).fill(1), authenticationKey: gb.authenticationKey };
    expect(openHanPush(push, { gcm: nodeAesGcm, keysFor: () => wrong, lastCounter: () => null })).toMatchObject({ kind: 'cannotDecrypt' });
  });
});
