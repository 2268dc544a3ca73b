/**
 * The wired M-Bus screen's Node side (electron/services/mbus/wiredService.ts) over a real PTY pair
 * (socat) to the simulated bus of three meters answering the RSP_UD frames libmbus publishes
 * (trainingWired.ts), into a real SQLite file. The master's wait for a silent address ends when the
 * bus stayed silent to the request, never on a timer.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingWiredMeters } from '../../../electron/services/mbus/trainingWired';
import { openWiredMaster, runWiredSimulator, type RunningWiredBus } from '../../../electron/services/mbus/wiredOnPort';
import { wiredService } from '../../../electron/services/mbus/wiredService';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import { openStore, type Store } from '../../../electron/services/store';
import type { MasterClock } from '../../../shared/mbus';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';
const actor = { name: 'Tina', role: 'technician' } as const;

describe.skipIf(socatSkipReason !== null)(
  `the wired M-Bus screen's service${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    let pair: PtyPair | undefined;
    let bus: RunningWiredBus | undefined;
    let store: Store | undefined;
    afterEach(async () => {
      store?.close();
      await bus?.stop();
      await pair?.stop();
      pair = bus = store = undefined;
    });

    it(
      'scans (refusing a read meanwhile), names each meter, reads one with its stop and saves that read; a meter on no route is read but not saved',
      async () => {
        const dir = tempDir();
        store = openStore(join(dir, 'f.db'));
        importRoute(store, actor, {
          fileName: 'r.csv',
          content: csv(row({ up: 'UP-1', serial: 'EFE04990254', type: WATER, dials: '5', decimals: '3', last: '0.3' })),
          acceptValidRows: false,
        });
        pair = await startPtyPair(join(dir, 'app'), join(dir, 'bus'));
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
        const service = wiredService(store, join(dir, 'photos'), (port, baud) => openWiredMaster(port, { baud, clock }));

        const started = await service.scan({ port: pair.appPath, baud: 2400, from: 0, to: 6 });
        expect(started.busy).toBe('scan');
        await expect(service.read({ port: pair.appPath, baud: 2400, secondary: '0499025414C50006', primary: 1 })).rejects.toMatchObject({
          details: { reason: 'wired.busy' },
        });
        await expect.poll(() => service.state().busy, { timeout: scaled(20_000) }).toBeNull();
        const state = service.state();
        expect(state.problem).toBeNull();
        expect(state.found.map((m) => [m.primary, m.manufacturer, m.id, m.medium, m.mediumCode])).toEqual([
          [1, 'EFE', '04990254', 'warmWater', 6],
          [2, 'ACW', '09011523', 'water', 7],
          [5, 'ELS', '44493951', 'heat', 4],
        ]);

        expect(() => service.save(actor, '0000000000000000')).toThrow(expect.objectContaining({ details: { reason: 'wired.notRead' } }));
        const read = await service.read({ port: pair.appPath, baud: 2400, secondary: '0499025414C50006', primary: 1 });
        expect(read.stop).toMatchObject({ usagePointId: 'UP-1', meterSerial: 'EFE04990254' });
        expect(read.records.find((r) => r.quantity === 'volume' && r.storage === 1)?.value).toBe('0.331');
        expect(service.save(actor, '0499025414C50006')).toMatchObject({ usagePointId: 'UP-1', meterSerial: 'EFE04990254' });

        const heat = await service.read({ port: pair.appPath, baud: 2400, secondary: '4449395115932F04', primary: null });
        expect(heat.stop).toBeNull();
        expect(() => service.save(actor, '4449395115932F04')).toThrow(
          expect.objectContaining({ details: { reason: 'wired.notOnRoute', meter: 'ELS44493951' } }),
        );
        expect(store.db.prepare('SELECT count(*) FROM reading_sets').pluck().get()).toBe(1);
      },
      scaled(60_000),
    );
  },
);
