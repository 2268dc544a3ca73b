/**
 * Readings taken far from their stop (issue 24 §4), on a real SQLite file through the dispatcher:
 * the stop's coordinates from the route file, the reading's position as the form sends it, the
 * distance by haversine against the supervisor's setting (default 150 m).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { distanceM } from '../../../shared/domain/geo';
import { KWH } from '../../support/routeCsv';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import type { FarVisit } from '../../../shared/contract/methods/map';

const header = 'route_id,sequence,usage_point_id,address,meter_serial,reading_type,dials,last_read,last_read_date,latitude,longitude';
const route = [
  header,
  `R1,10,UP-1,"1 Linden Street",E1,${KWH},6,1000,2026-10-01,52.375900,9.732000`,
  `R1,20,UP-2,"2 Linden Street",E2,${KWH},6,1000,2026-10-01,52.375900,9.732900`,
  `R1,30,UP-3,"3 Linden Street",E3,${KWH},6,1000,2026-10-01,,`,
].join('\n');

describe('readings far from their stop', () => {
  const tempDir = useTempDir();

  it("marks a reading saved 300 m from its stop, not one at the door, and follows the supervisor's distance", async () => {
    const dir = tempDir();
    const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web' });
    try {
      const tina = await signInAs(app, 'technician');
      importRoute(app.store, tina, { fileName: 'r.csv', content: route, acceptValidRows: false });
      const save = async (usagePointId: string, latitude: number, longitude: number) => {
        const meter = app.store.meters.get(usagePointId)!;
        const r = await dispatch(app.handlers, 'readings.save', {
          usagePointId,
          values: [{ registerId: meter.registers[0]!.id, value: '1010' }],
          note: '',
          photoIds: [],
          position: { latitude, longitude, accuracyM: 8 },
        });
        expect(r.ok, JSON.stringify(r)).toBe(true);
      };
      await save('UP-1', 52.3759 + 0.0002, 9.732); // ~22 m: at the door
      await save('UP-2', 52.3759 + 0.0027, 9.7329); // ~300 m: read from elsewhere
      await save('UP-3', 52.4, 9.8); // the stop has no coordinates: nothing to compare

      expect((await dispatch(app.handlers, 'map.farVisits', {})).ok).toBe(false); // a technician may not
      await signInAs(app, 'supervisor');
      const far = await dispatch(app.handlers, 'map.farVisits', {});
      expect(far.ok && (far.value as FarVisit[]).map((v) => [v.usagePointId, v.sequence, v.distanceM, v.accuracyM])).toEqual([
        ['UP-2', 20, Math.round(distanceM({ latitude: 52.3786, longitude: 9.7329 }, { latitude: 52.3759, longitude: 9.7329 })), 8],
      ]);
      expect(far.ok && (far.value as FarVisit[])[0]!.distanceM).toBeGreaterThan(290);

      expect(await dispatch(app.handlers, 'map.settings.get', {})).toEqual({ ok: true, value: { tileUrl: '', farDistanceM: 150 } });
      expect(
        (await dispatch(app.handlers, 'map.settings.set', { tileUrl: 'http://tiles.example.com/{z}/{x}/{y}.png', farDistanceM: 20 })).ok,
      ).toBe(false);
      expect(
        (await dispatch(app.handlers, 'map.settings.set', { tileUrl: 'https://tiles.example.com/{z}/{x}/{y}.png', farDistanceM: 20 })).ok,
      ).toBe(true);
      const stricter = await dispatch(app.handlers, 'map.farVisits', {});
      expect(stricter.ok && (stricter.value as FarVisit[]).map((v) => v.usagePointId).sort()).toEqual(['UP-1', 'UP-2']);
    } finally {
      app.close();
    }
  });

  it('measures distance by haversine (one degree of latitude is about 111.2 km)', () => {
    expect(distanceM({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111_195, -1);
    expect(distanceM({ latitude: 52.52, longitude: 13.405 }, { latitude: 52.52, longitude: 13.405 })).toBe(0);
  });
});
