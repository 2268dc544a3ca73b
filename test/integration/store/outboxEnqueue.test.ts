/** enqueue(kind, payload): the row stores its kind, noun and verb follow from it, a malformed payload fails the user's change. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store';
import type { OutboxPayloadInput } from '../../../shared/cim/outbox';
import { useTempDir } from '../../support/tempDir';

describe('queueing an outbox message', () => {
  const tempDir = useTempDir();

  it('stores the kind with the noun and verb of that kind, the verb named where the kind has several', () => {
    const store = openStore(join(tempDir(), 'fm.db'));
    try {
      const at = '2026-12-01T08:00:00.000Z';
      const first = store.journal.enqueue(
        'skipEvent',
        { meter: 'E1', usagePoint: 'UP1', eventType: '3.12.43.257', createdDateTime: at },
        { usagePointId: null },
      );
      const second = store.journal.enqueue(
        'linkage',
        { meter: 'E1', usagePoint: 'UP1', effectiveDateTime: at },
        { verb: 'close', usagePointId: null, correlationId: 'REQ-9' },
      );
      expect(store.outbox.list().map((e) => [e.messageId, e.kind, e.noun, e.verb, e.correlationId])).toEqual([
        [first, 'skipEvent', 'EndDeviceEvents', 'created', null],
        [second, 'linkage', 'MasterDataLinkageConfig', 'close', 'REQ-9'],
      ]);
    } finally {
      store.close();
    }
  });

  it('refuses a payload that does not fit its kind, and the transaction writes nothing', () => {
    const store = openStore(join(tempDir(), 'fm.db'));
    try {
      const bad = {
        meter: 'E1',
        usagePoint: 'UP1',
        eventType: 'tamper',
        createdDateTime: '2026-12-01T08:00:00.000Z',
      } satisfies OutboxPayloadInput<'skipEvent'>;
      expect(() =>
        store.transaction(() => {
          store.journal.audit({ name: 't', role: 'technician' }, { action: 'visits.skip', entity: 'visit_skip', entityId: 'S1' });
          store.journal.enqueue('skipEvent', bad, { usagePointId: null });
        }),
      ).toThrow(/EndDeviceEvents message \(skipEvent\) is malformed: eventType/);
      expect(store.outbox.list()).toEqual([]);
      expect(store.journal.auditCount()).toBe(0);
    } finally {
      store.close();
    }
  });
});
