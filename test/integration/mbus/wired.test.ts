/**
 * Wired M-Bus over a real PTY pair (socat), 8E1: the master scans, searches and reads the simulated
 * bus of three meters answering the RSP_UD frames libmbus publishes (test/test-frames, see
 * electron/services/mbus/trainingWired.ts). In process, the master's clock ends a wait when the
 * bus had nothing to say, never on a timer; through the CLI only meters that answer are asked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingWiredMeters } from '../../../electron/services/mbus/trainingWired';
import { openWiredMaster, runWiredSimulator, type RunningWiredBus } from '../../../electron/services/mbus/wiredOnPort';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import type { MasterClock } from '../../../shared/mbus';
import { fieldmeter, fieldmeterBin } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

describe.skipIf(socatSkipReason !== null)(`wired M-Bus on a PTY${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`, () => {
  const tempDir = useTempDir();
  let pair: PtyPair | undefined;
  let bus: RunningWiredBus | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    child?.kill('SIGTERM');
    await bus?.stop();
    await pair?.stop();
    pair = bus = child = undefined;
  });

  it(
    'scans primary addresses, finds secondary addresses behind wildcards and reads a meter',
    async () => {
      const dir = tempDir();
      pair = await startPtyPair(join(dir, 'app'), join(dir, 'bus'));
      // The wait for a silent meter ends when the bus has stayed silent to the request.
      const timers = new Set<() => void>();
      const clock: MasterClock = {
        after(_ms, fn) {
          timers.add(fn);
          return () => timers.delete(fn);
        },
      };
      bus = await runWiredSimulator(pair.meterPath, trainingWiredMeters, () => {
        const pending = [...timers];
        timers.clear();
        pending.forEach((fire) => fire());
      });
      const { master, close } = await openWiredMaster(pair.appPath, { clock });
      try {
        expect(await master.scan(0, 6)).toEqual([1, 2, 5]);
        expect((await master.search('FFFFFFFFFFFFFFFF')).sort()).toEqual(['0499025414C50006', '0901152304771407', '4449395115932F04']);
        const frames = await master.readSecondary('0499025414C50006');
        expect(frames).toHaveLength(1);
        expect(frames[0]![5]).toBe(1); // WaterStar, at primary address 1
      } finally {
        await close();
      }
    },
    scaled(30_000),
  );

  it(
    '`fieldmeter mbus read --address` and `mbus scan` against `fieldmeter simulate mbus-meters`',
    async () => {
      const dir = tempDir();
      pair = await startPtyPair(join(dir, 'app'), join(dir, 'bus'));
      child = spawn(process.execPath, [fieldmeterBin, 'simulate', 'mbus-meters', '--port', pair.meterPath], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      // The simulator says so on stderr once it listens.
      await new Promise<void>((resolve) => child!.stderr!.on('data', () => resolve()));
      // Only answering meters are asked, so the standard's reply time is never waited out; a loaded machine gets more.
      const wait = ['--timeout-ms', String(scaled(3000))];
      const read = await fieldmeter(['mbus', 'read', '--port', pair.appPath, '--address', '2', '--json', ...wait]);
      expect(read.stderr).toBe('');
      const out = JSON.parse(read.stdout) as {
        telegrams: { manufacturer: string; id: string; records: { quantity: string; value: string }[] }[];
      };
      expect(out.telegrams).toHaveLength(1);
      expect(out.telegrams[0]).toMatchObject({ manufacturer: 'ACW', id: '09011523', deviceType: 'water' });
      // The frame's record 04 13 1F000000: 31 × 10⁻³ m³, said in the VIF's unit as 0.031 m³.
      expect(out.telegrams[0]!.records.find((r) => r.quantity === 'volume')).toMatchObject({ value: '0.031' });

      const scan = await fieldmeter(['mbus', 'scan', '--port', pair.appPath, '--from', '1', '--to', '2', '--json', ...wait]);
      expect(JSON.parse(scan.stdout)).toEqual({ from: 1, to: 2, primary: [1, 2], collisions: [] });
    },
    scaled(60_000),
  );
});
