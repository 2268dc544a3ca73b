/**
 * `fieldmeter mbus read --reset` over a real PTY pair (socat), 8E1, against the simulated bus of
 * three meters (libmbus's published RSP_UD frames): the application reset (SND_UD CI 0x50,
 * EN 13757-3) goes out before the read with the subcode given, the meter confirms it with E5 and
 * is read; a subcode out of range is refused before the port is opened.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingWiredMeters } from '../../../electron/services/mbus/trainingWired';
import { runWiredSimulator, type RunningWiredBus } from '../../../electron/services/mbus/wiredOnPort';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import { fieldmeterInProcess } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

describe.skipIf(socatSkipReason !== null)(
  `wired application reset on a PTY${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    let pair: PtyPair | undefined;
    let bus: RunningWiredBus | undefined;
    afterEach(async () => {
      await bus?.stop();
      await pair?.stop();
      pair = bus = undefined;
    });

    it(
      'resets the meter (subcode 0x10, then none) before reading it, and refuses a subcode out of range',
      async () => {
        const dir = tempDir();
        pair = await startPtyPair(join(dir, 'app'), join(dir, 'bus'));
        bus = await runWiredSimulator(pair.meterPath, trainingWiredMeters);
        // Only the answering meter is asked, so the standard's reply time is never waited out.
        const wait = ['--timeout-ms', String(scaled(3000))];
        const read = await fieldmeterInProcess([
          'mbus',
          'read',
          '--port',
          pair.appPath,
          '--address',
          '2',
          '--reset',
          '0x10',
          '--json',
          ...wait,
        ]);
        expect(read.code).toBe(0);
        const out = JSON.parse(read.stdout) as { telegrams: { manufacturer: string; id: string }[] };
        expect(out.telegrams[0]).toMatchObject({ manufacturer: 'ACW', id: '09011523' });
        const again = await fieldmeterInProcess(['mbus', 'read', '--port', pair.appPath, '--address', '2', '--reset', '--json', ...wait]);
        expect(again.code).toBe(0);
        expect(bus.resets().get(2)).toEqual([0x10, null]);

        const bad = await fieldmeterInProcess(['mbus', 'read', '--port', pair.appPath, '--address', '2', '--reset', '300']);
        expect(bad.code).toBe(1);
        expect(bus.resets().get(2)).toHaveLength(2);
      },
      scaled(30_000),
    );
  },
);
