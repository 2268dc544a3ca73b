/**
 * A route import streams (issue 11): rows are written as they are read and checked (a few thousand
 * at a time), and the heap it keeps grows by a few hundred bytes per meter (the cross-row check
 * index), not by the file's records and rows held all at once. Observed on the real store, without timing.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { row } from '../../support/routeCsv';
import { bigRouteCsv } from '../../support/reliability/bigRoute';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'tester', role: 'technician' } as const;
const METERS = 60_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** Calls `each(n)` before the n-th meter is written, then writes it (the real repository does the work). */
function watchMeterWrites(store: Store, each: (n: number) => void): void {
  const upsertMeter = store.meters.upsertMeter.bind(store.meters);
  let n = 0;
  store.meters.upsertMeter = (...args) => {
    each(++n);
    return upsertMeter(...args);
  };
}

describe('a route import streams', () => {
  const tempDir = useTempDir();

  it(`keeps under 250 bytes of heap per meter while importing ${METERS.toLocaleString('en')} meters`, () => {
    const store = openStore(join(tempDir(), 'fm.db'));
    const content = bigRouteCsv('BIG', METERS);
    const before = liveHeap();
    let atEnd = 0;
    watchMeterWrites(store, (n) => {
      if (n === METERS) atEnd = liveHeap();
    });
    const summary = importRoute(store, actor, { fileName: 'big.csv', content, acceptValidRows: false });
    expect(summary.usagePoints).toBe(METERS);
    const perMeter = (atEnd - before) / METERS;
    // Holding every checked row until the write (as imports did before) kept ~590 bytes per meter.
    expect(perMeter).toBeGreaterThan(0);
    expect(perMeter).toBeLessThan(250);
    store.close();
  });

  it('reads and writes in one pass: a broken last line is met after the meters above it were written, and nothing stays', () => {
    const store = openStore(join(tempDir(), 'fm.db'));
    const content = `${bigRouteCsv('BIG', 3_000)}${row({ route: 'BIG', seq: '99999', up: 'UP-X', serial: 'EX' })},"never closed\n`;
    let written = 0;
    watchMeterWrites(store, (n) => (written = n));
    expect(() => importRoute(store, actor, { fileName: 'big.csv', content, acceptValidRows: false })).toThrow(/no row is valid/);
    expect(written).toBe(3_000);
    expect(
      store.db
        .prepare('SELECT (SELECT count(*) FROM routes) + (SELECT count(*) FROM registers) + (SELECT count(*) FROM audit_log) AS n')
        .get(),
    ).toEqual({ n: 0 });
    store.close();
  });

  it('writes nothing when a bad row comes after thousands of good ones', () => {
    const store = openStore(join(tempDir(), 'fm.db'));
    const content = `${bigRouteCsv('BIG', 3_000)}${row({ route: 'BIG', seq: '99999', up: 'UP-X', serial: 'EX', dials: '99' })}\n`;
    expect(() => importRoute(store, actor, { fileName: 'big.csv', content, acceptValidRows: false })).toThrow(/1 row problem/);
    expect(
      store.db
        .prepare('SELECT (SELECT count(*) FROM routes) + (SELECT count(*) FROM registers) + (SELECT count(*) FROM audit_log) AS n')
        .get(),
    ).toEqual({ n: 0 });
    store.close();
  });
});
