/**
 * MeterServiceRequests as other vendors write them (issue 19, item 4): the work is dispatched on its
 * coded `kind` (61968-9 MeterServiceWorkKind) where that names a disconnect or reconnect, the
 * free-text `type` only as a fallback.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoRoute } from '../../../electron/services/fieldmeter';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { openStore } from '../../../electron/services/store';
import { switchOrderDetail } from '../../../electron/services/switching/orders';
import { switchRequest, switchWork, typedXml } from '../../support/switching';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'Ina Installer', role: 'installer' } as const;

describe('MeterServiceWork dispatched on kind', () => {
  const tempDir = useTempDir();

  it("a kind=disconnect order whose type is the utility's own word is a disconnect; a known type still works without a coded kind", () => {
    const store = openStore(join(tempDir(), 'kind.db'));
    try {
      loadDemoRoute(store, actor);
      const serial = (up: string) => store.workOrders.meterAt(up)?.serialNumber ?? '';
      const sperrung = {
        ...switchWork({ type: 'disconnect', meter: serial('UP-1010'), due: '2026-12-02T00:00:00Z' }),
        type: 'Sperrung (Zahlungsverzug)',
      };
      const message = switchRequest('create', 'MSG-K-1', 'SW-K1', [sperrung]);
      if (xsdSkipReason === null) expect(validateXml(typedXml(message), typedXsd('MeterServiceRequests')).errors).toEqual([]);
      expect(applyInboundMessage(store, actor, typedXml(message)).applied).toMatchObject({ switchOrdersCreated: 1 });
      expect(switchOrderDetail(store, 'SW-K1', actor)).toMatchObject({ kind: 'disconnect', usagePointId: 'UP-1010' });

      const moveIn = switchRequest('create', 'MSG-K-2', 'SW-K2', [
        { ...switchWork({ type: 'moveIn', meter: serial('UP-1011'), due: '2026-12-02T00:00:00Z' }), kind: undefined },
      ]);
      expect(applyInboundMessage(store, actor, typedXml(moveIn)).applied).toMatchObject({ switchOrdersCreated: 1 });
      expect(switchOrderDetail(store, 'SW-K2', actor)).toMatchObject({ kind: 'moveIn' });
    } finally {
      store.close();
    }
  });
});
