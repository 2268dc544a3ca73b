/**
 * The one-pass parser and session against the implementation they replaced (kept in ./legacy as
 * an oracle): the same events, data sets, junk and OBIS groups, on valid, garbled and random input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, OpticalSession, parseDataLine, parseObisCode, type SessionEvent } from '../../../shared/iec62056';
import { block, bytes, modeCData, p1 } from './fixtures';
import { parseDataLine as legacyParseDataLine } from './legacy/legacyDataSets';
import { parseObisCode as legacyParseObisCode } from './legacy/legacyObisCode';
import { LegacyOpticalSession } from './legacy/legacySession';

const frames = [
  concatBytes(bytes('/ISK5MT174-0001\r\n'), block(modeCData)),
  concatBytes(
    bytes('/?!\r\n/LGZ4ZMD3104407\r\n\x06040\r\n'),
    block('1.8.0(1*kWh)\r\n', { end: 0x04 }),
    block('1.6.0(4.5*kW)\r\n(2401151230)\r\n!\r\n'),
  ),
  p1([
    '1-0:1.8.1(000123.456*kWh)',
    '0-0:96.7.21(00004)',
    '0-1:24.2.1(240115123000W)(00012.345*m3)',
    '1-0:99.97.0(1)(0-0:96.7.19)(240115000000W)(0000000240*s)',
  ]),
];
const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'drop', 'insert', 'cut')), {
  maxLength: 10,
});
const garbled = fc.tuple(fc.constantFrom(...frames), edits).map(([frame, list]) => {
  let out = Array.from(frame);
  for (const [at, value, kind] of list) {
    const i = out.length ? at % out.length : 0;
    if (kind === 'flip') out[i] = value;
    else if (kind === 'drop') out.splice(i, 1);
    else if (kind === 'insert') out.splice(i, 0, value);
    else out = out.slice(0, i);
  }
  return Uint8Array.from(out);
});
const lineChars = fc.constantFrom(...'0123456789.-:*&()! CFkWh\x7f\x00\t\r~'.split(''), '\u00a0', '\u00e9');
const lines = fc.array(lineChars, { maxLength: 60 }).map((a) => a.join(''));

function events(
  session: { start(): SessionEvent[]; feed(b: Uint8Array): SessionEvent[]; finish(): SessionEvent[] },
  input: Uint8Array,
): SessionEvent[] {
  return [...session.start(), ...session.feed(input), ...session.finish()];
}

/**
 * The one known difference, in the diagnostic text of a line only: a line with a byte that has
 * its parity bit set is cleaned as a whole (CR and NUL dropped). The old session cleaned per
 * piece, and it took the first byte of an unframed telegram as a piece of its own, so when that
 * was the only such byte a stray CR stayed in its line text. The data sets are compared as they are.
 */
// One deliberate change since: a P1 CRC of fewer than 4 hex digits is compared as a number and
// flagged (`shortCrc`), where the old session called it bad. Normalised here to the old outcome.
const asBefore = (e: SessionEvent): SessionEvent => {
  if (e.type !== 'complete' || !e.shortCrc) return e;
  const { shortCrc: _flag, ...rest } = e;
  return { ...rest, checksum: 'bad' };
};
const withoutCr = (list: SessionEvent[]) =>
  list.map((e) => (e.type === 'dataLine' ? { ...e, line: e.line.replaceAll('\r', '') } : asBefore(e)));

describe('one-pass parser = the implementation it replaced', () => {
  it('parseDataLine: same sets, end mark and junk on arbitrary lines', () => {
    fc.assert(
      fc.property(lines, (line) => {
        expect(parseDataLine(line)).toEqual(legacyParseDataLine(line));
      }),
      { numRuns: 20_000 },
    );
  });

  it('parseObisCode: same groups on arbitrary addresses', () => {
    const chars = fc.constantFrom(...'0123456789012.-:*&CFLPAZ '.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 18 }).map((a) => a.join('')),
        (address) => {
          expect(parseObisCode(address)).toEqual(legacyParseObisCode(address));
        },
      ),
      { numRuns: 50_000 },
    );
    for (const address of [
      '1-0:1.8.0*255',
      '1.8.0*12',
      '1.8.0&11',
      'F.F',
      'C.7.0',
      '1.8.0.F',
      '999-0:1.8.0',
      '256.1',
      '1.8.0*1234',
      ' 1.8.1 ',
    ]) {
      expect(parseObisCode(address)).toEqual(legacyParseObisCode(address));
    }
  });

  it('session: the same events for garbled and random input, both kinds', () => {
    fc.assert(
      fc.property(
        fc.oneof(garbled, fc.uint8Array({ maxLength: 400 })),
        fc.constantFrom('readout' as const, 'listen' as const),
        (input, kind) => {
          const options = { kind, maxBytes: 100_000 };
          expect(withoutCr(events(new OpticalSession(options), input))).toEqual(
            withoutCr(events(new LegacyOpticalSession(options), input)),
          );
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('a P1 line whose first byte has its parity bit set is cleaned whole: the same data sets, no stray CR in its text', () => {
    // Found by the property above (seed 545661209): `\r` `0xA2` (a `"` with parity) starts the first data line.
    const input = concatBytes(
      bytes('/ISk5\\2MT382-1000\r\n\r'),
      Uint8Array.of(0xa2),
      bytes('1-0:1.8.1(000123.456*kWh)\r0-0:96.7.21(00004)\r\n!748B\r\n'),
    );
    const options = { kind: 'listen' as const, maxBytes: 100_000 };
    const ours = events(new OpticalSession(options), input);
    const old = events(new LegacyOpticalSession(options), input);
    const lineOf = (list: SessionEvent[]) => list.find((e) => e.type === 'dataLine');
    expect(lineOf(ours)).toEqual({
      type: 'dataLine',
      line: '"1-0:1.8.1(000123.456*kWh)0-0:96.7.21(00004)',
      dataSets: lineOf(old)?.type === 'dataLine' ? lineOf(old)?.dataSets : [],
    });
    expect(lineOf(old)).toMatchObject({ line: '"1-0:1.8.1(000123.456*kWh)\r0-0:96.7.21(00004)' });
    expect(withoutCr(ours)).toEqual(withoutCr(old));
  });
});
