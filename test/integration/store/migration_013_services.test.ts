/**
 * Migration 13's backfill reads old rows by their noun and payload shape. Here the real services
 * write their messages (each labelled with its kind by enqueue), and the migration's own CASE,
 * taken from its SQL, must classify every one of them the same way: a payload shape a service
 * changes without the backfill knowing fails here. (The optical kinds, opticalControl and
 * meterStatusEvents, need the meter simulator on a PTY; migration_013.test.ts covers their shapes.)
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import m013 from '../../../electron/services/store/migrations/013_outbox_kind';
import { skipVisit } from '../../../electron/services/readings/skipVisit';
import { recordControl } from '../../../electron/services/switching/control';
import { DEMO_PAN_DEVICE } from '../../../electron/services/workOrders/demo';
import { createWorkOrder, reportUnable, startWorkOrder } from '../../../electron/services/workOrders/lifecycle';
import { completeInstall } from '../../../electron/services/workOrders/meterJobs';
import { commissionPan, decommissionPan } from '../../../electron/services/workOrders/pan';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';

const installer = { name: 'Ines Installer', role: 'installer' } as const;
const backfill = /UPDATE outbox SET kind = (CASE[\s\S]*?END);/.exec(m013.sql)?.[1];

describe('migration 13 backfill against what the services write', () => {
  const tempDir = useTempDir();

  it('classifies every message the services queue as the kind they queued it with', () => {
    if (!backfill) throw new Error('the backfill CASE was not found in migration 13');
    const dir = tempDir();
    const store = openDemoStore(dir, installer);
    try {
      skipVisit(store, installer, { usagePointId: 'UP-1005', code: 'tamperSuspected', note: 'seal broken', photoIds: [] });
      const fresh = store.workOrders.deviceBySerial('E9100002');
      if (!fresh) throw new Error('demo not loaded');
      completeInstall(store, installer, {
        workOrderId: 'WO-DEMO-IN1',
        newMeter: {
          serial: 'E9100002',
          initialReadings: store.workOrders.registersOf(fresh.id).map((r) => ({ registerId: r.id, value: '0' })),
          sealsApplied: ['S-1'],
          photoIds: [],
        },
        note: '',
      });
      commissionPan(store, installer, {
        workOrderId: 'WO-DEMO-PAN1',
        deviceType: 'inHomeDisplay',
        eui64: '000D6F000ABCDEF0',
        installCode: '83FED3407A939723A5C639B26916D505C3B5',
      });
      decommissionPan(store, installer, { workOrderId: 'WO-DEMO-PAN2', eui64: DEMO_PAN_DEVICE.eui64 });
      startWorkOrder(store, installer, 'WO-DEMO-EX1');
      reportUnable(store, installer, 'WO-DEMO-EX1', 'Meter cupboard blocked');
      createWorkOrder(store, installer, { kind: 'remove', usagePointId: 'UP-1010', description: 'Vacant' });
      const values = (store.meters.get('UP-1009')?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
      recordControl(
        store,
        installer,
        {
          switchOrderId: 'SW-DEMO-DC9',
          outcome: 'done',
          action: 'meterSwitch',
          controlResult: 'succeeded',
          sealNumber: 'SEAL-9001',
          values,
        },
        { settings: defaultValidationSettings, photoDir: dir },
      );

      const raw = new Database(join(dir, 'demo.db'), { readonly: true });
      const rows = raw.prepare(`SELECT message_id, kind, ${backfill} AS backfilled FROM outbox ORDER BY id`).all() as {
        message_id: string;
        kind: string;
        backfilled: string | null;
      }[];
      raw.close();
      expect(rows.filter((r) => r.backfilled !== r.kind)).toEqual([]);
      expect(new Set(rows.map((r) => r.kind))).toEqual(
        new Set([
          'meterReadings',
          'skipEvent',
          'switchEvent',
          'switchControl',
          'panPairing',
          'panConfig',
          'linkage',
          'meterConfig',
          'serviceReport',
        ]),
      );
    } finally {
      store.close();
    }
  });
});
