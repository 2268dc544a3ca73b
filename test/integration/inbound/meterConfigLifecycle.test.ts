/**
 * MeterConfig create and the meter's life cycle (issue 19 §4): a CreatedMeterConfig for a meter not
 * known here adds it with the day the utility received it and its status in the profile's words; a
 * change for an unknown meter is refused with the reason; one for a known meter updates it.
 * Written as Connexo's MeterConfig service writes them: the typed CreatedMeterConfig /
 * ChangeMeterConfig wrappers of CX MeterConfigMessage.xsd, Meter in MeterConfig.xsd's sequence
 * (serialNumber, type, lifecycle/receivedDate as xs:date, Names, status), status words from its
 * default device life cycle ("In stock", DefaultState in chandangeek/Connexo_Code).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { openStore, type Store } from '../../../electron/services/store';
import { useTempDir } from '../../support/tempDir';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { refusedWith } from '../../support/refusal';

const actor = { name: 't', role: 'supervisor' } as const;

function meterConfig(verb: 'created' | 'change', id: string, serial: string, received: string, word = 'In stock'): string {
  const Wrapper = verb === 'created' ? 'CreatedMeterConfig' : 'ChangeMeterConfig';
  return `<?xml version="1.0" encoding="UTF-8"?>
<ns3:${Wrapper} xmlns:ns3="http://iec.ch/TC57/2011/MeterConfigMessage" xmlns="http://iec.ch/TC57/2011/schema/message" xmlns:m="http://iec.ch/TC57/2011/MeterConfig#">
  <ns3:Header>
    <Verb>${verb}</Verb>
    <Noun>MeterConfig</Noun>
    <Timestamp>2026-11-02T08:00:00.000+01:00</Timestamp>
    <Source>Connexo</Source>
    <MessageID>${id}</MessageID>
  </ns3:Header>
  <ns3:Payload>
    <m:MeterConfig>
      <m:Meter>
        <m:mRID>0c6f1d7e-4b2a-4c1e-9d55-${serial.padStart(12, '0')}</m:mRID>
        <m:serialNumber>${serial}</m:serialNumber>
        <m:type>AS3000</m:type>
        <m:lifecycle><m:receivedDate>${received}</m:receivedDate></m:lifecycle>
        <m:Names><m:name>${serial}</m:name></m:Names>
        <m:status><m:dateTime>2026-11-02T08:00:00.000+01:00</m:dateTime><m:value>${word}</m:value></m:status>
      </m:Meter>
    </m:MeterConfig>
  </ns3:Payload>
</ns3:${Wrapper}>
`;
}

const meter = (store: Store, serial: string) =>
  store.db.prepare('SELECT status, usage_point_id AS at, received_date AS received FROM end_devices WHERE serial_number = ?').get(serial);

describe('MeterConfig create and life cycle', () => {
  const tempDir = useTempDir();

  it.skipIf(xsdSkipReason !== null)('the messages are valid against MeterConfigMessage.xsd', () => {
    expect(validateXml(meterConfig('created', 'MC-1', 'E700', '2026-10-28'), typedXsd('MeterConfig')).errors).toEqual([]);
    expect(validateXml(meterConfig('change', 'MC-2', 'E700', '2026-10-29+01:00'), typedXsd('MeterConfig')).errors).toEqual([]);
  });

  it('a created meter arrives in stock with its received date; a change updates a known one and is refused for an unknown one', () => {
    const store = openStore(join(tempDir(), 'field.db'));
    try {
      expect(applyInboundMessage(store, actor, meterConfig('created', 'MC-1', 'E700', '2026-10-28')).applied).toEqual({
        metersAdded: 1,
        metersUpdated: 0,
        metersUnchanged: 0,
      });
      expect(meter(store, 'E700')).toEqual({ status: 'inStock', at: null, received: '2026-10-28' });

      expect(applyInboundMessage(store, actor, meterConfig('change', 'MC-2', 'E700', '2026-10-29+01:00')).applied).toMatchObject({
        metersUpdated: 1,
      });
      expect(meter(store, 'E700')).toMatchObject({ received: '2026-10-29' });
      expect(applyInboundMessage(store, actor, meterConfig('change', 'MC-3', 'E700', '2026-10-29')).applied).toMatchObject({
        metersUnchanged: 1,
      });

      expect(() => applyInboundMessage(store, actor, meterConfig('change', 'MC-4', 'E701', '2026-10-28'))).toThrow(
        refusedWith('unknownTarget', { element: 'Meter', id: expect.stringContaining('E701'), action: 'change' }),
      );
      expect(() => applyInboundMessage(store, actor, meterConfig('created', 'MC-5', 'E702', '28.10.2026'))).toThrow(
        refusedWith('badValue', { value: '28.10.2026', expected: 'date' }),
      );
      expect(meter(store, 'E701')).toBeUndefined();
      expect(meter(store, 'E702')).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
