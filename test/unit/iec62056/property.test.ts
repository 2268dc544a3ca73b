import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, OpticalSession, parseCapture, type SessionEvent } from '../../../shared/iec62056';
import { block, bytes, modeCData, p1 } from './fixtures';

const good = [concatBytes(bytes('/ISK5MT174-0001\r\n'), block(modeCData)), p1(['1-0:1.8.1(000123.456*kWh)', '0-0:96.7.21(00004)'])];

/** A valid frame with bytes flipped, dropped, duplicated or spliced in. */
const garbled = fc
  .tuple(
    fc.constantFrom(...good),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'drop', 'insert', 'cut')), { maxLength: 8 }),
  )
  .map(([frame, edits]) => {
    let out = Array.from(frame);
    for (const [at, value, kind] of edits) {
      const i = out.length ? at % out.length : 0;
      if (kind === 'flip') out[i] = value;
      else if (kind === 'drop') out.splice(i, 1);
      else if (kind === 'insert') out.splice(i, 0, value);
      else out = out.slice(0, i);
    }
    return Uint8Array.from(out);
  });
const random = fc.uint8Array({ maxLength: 600 });
const chunking = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 16 });

function drive(kind: 'readout' | 'listen', input: Uint8Array, cuts: number[]): SessionEvent[] {
  const session = new OpticalSession({ kind, maxBytes: 100_000 });
  const events = [...session.start()];
  let at = 0;
  for (let k = 0; at < input.length; k++) {
    const size = cuts[k % cuts.length] ?? 1;
    events.push(...session.feed(input.subarray(at, at + size)));
    at += size;
  }
  events.push(...session.finish());
  return events;
}

describe('session on random and garbled input (property)', () => {
  it('never throws and always ends in a result or a coded error (10,000 frames)', () => {
    fc.assert(
      fc.property(fc.oneof(garbled, random), chunking, fc.constantFrom('readout', 'listen'), (input, cuts, kind) => {
        const events = drive(kind as 'readout' | 'listen', input, cuts);
        const ends = events.filter((e) => e.type === 'complete' || e.type === 'error');
        expect(ends).toHaveLength(1);
        expect(events[events.length - 1]).toBe(ends[0]);
        const end = ends[0];
        if (end?.type === 'error') expect(end.code).toMatch(/^[A-Z_]+$/);
        if (end?.type === 'complete') for (const set of end.dataSets) for (const v of set.values) expect(typeof v.value).toBe('string');
      }),
      { numRuns: 10_000 },
    );
  });

  it('a valid frame read in any chunking gives the same readout', () => {
    fc.assert(
      fc.property(chunking, (cuts) => {
        const events = drive('readout', good[0] as Uint8Array, cuts);
        expect(events[events.length - 1]).toMatchObject({ type: 'complete', checksum: 'ok' });
      }),
      { numRuns: 500 },
    );
  });

  it('parseCapture never throws on garbage', () => {
    fc.assert(
      fc.property(fc.oneof(garbled, random), (input) => {
        const report = parseCapture(input);
        expect(['ok', 'bad', 'absent']).toContain(report.checksum);
      }),
      { numRuns: 2000 },
    );
  });
});
