import { describe, expect, it } from 'vitest';
import { asciiBytes, concatBytes, crc16Arc, OpticalSession, type SessionEvent } from '../../../shared/iec62056';
import { p1 } from './fixtures';

function telegram(identification: string, lines: readonly string[]): Uint8Array {
  const text = `/${identification}\r\n\r\n${lines.join('\r\n')}\r\n!`;
  return asciiBytes(`${text}${crc16Arc(asciiBytes(text)).toString(16).toUpperCase().padStart(4, '0')}\r\n`);
}

function listen(chunks: readonly Uint8Array[]): SessionEvent[] {
  const session = new OpticalSession({ kind: 'listen' });
  return [...chunks.flatMap((c) => session.feed(c)), ...session.finish()];
}

const outcome = (events: readonly SessionEvent[]) => {
  const done = events[events.length - 1];
  return done?.type === 'complete'
    ? {
        manufacturer: done.identification?.manufacturer,
        ident: done.identification?.ident,
        checksum: done.checksum,
        sets: done.dataSets.map((d) => d.obis),
      }
    : done;
};

describe('push meters repeat their identification every telegram', () => {
  it('telegrams of two meters in turn each get their own identification and CRC', () => {
    const a = telegram('ISK5\\2M550T-1012', ['1-0:1.8.1(000123.456*kWh)']);
    const b = telegram('KFM5KAIFA-METER', ['1-0:1.8.2(000001.000*kWh)', '0-0:96.7.21(00004)']);
    for (const [bytes, manufacturer, ident, sets] of [
      [a, 'ISK', '\\2M550T-1012', ['1-0:1.8.1']],
      [b, 'KFM', 'KAIFA-METER', ['1-0:1.8.2', '0-0:96.7.21']],
      [a, 'ISK', '\\2M550T-1012', ['1-0:1.8.1']],
    ] as const) {
      expect(outcome(listen([bytes]))).toEqual({ manufacturer, ident, checksum: 'ok', sets });
    }
  });

  it('the identification line split over chunks, or after noise, reads the same as whole', () => {
    const bytes = p1(['1-0:1.8.1(000123.456*kWh)', '1-0:2.8.1(000000.000*kWh)']);
    const whole = outcome(listen([bytes]));
    expect(whole).toMatchObject({ checksum: 'ok', sets: ['1-0:1.8.1', '1-0:2.8.1'] });
    expect(outcome(listen([bytes.subarray(0, 7), bytes.subarray(7)]))).toEqual(whole);
    expect(outcome(listen([...bytes].map((b) => Uint8Array.of(b))))).toEqual(whole);
    expect(outcome(listen([concatBytes(asciiBytes('junk\r\n'), bytes)]))).toEqual(whole);
    // a changed CRC is still caught when the identification comes from the memo
    expect(outcome(listen([p1(['1-0:1.8.1(000123.456*kWh)', '1-0:2.8.1(000000.000*kWh)'], '0000')]))).toMatchObject({ checksum: 'bad' });
  });
});
