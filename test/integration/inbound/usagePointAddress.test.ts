/**
 * UsagePointConfig as a customer information system writes it (issue 19 §4): the typed
 * Create/ChangeUsagePointConfig wrapper of CX UsagePointConfigMessage.xsd, the UsagePoint with its
 * premise number in Names (NameType "Premise") and the service address in ServiceLocation/Names
 * (CX UsagePointConfig.xsd gives ServiceLocation only mRID and Names). The name is not an address:
 * it never overwrites the service address, and a usage point without mRID is keyed by it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { refusedWith } from '../../support/refusal';

const actor = { name: 't', role: 'supervisor' } as const;

function usagePointConfig(verb: 'create' | 'change', id: string, up: { mRID?: string; premise: string; address?: string }): string {
  const Verb = verb === 'create' ? 'Create' : 'Change';
  const location =
    up.address === undefined
      ? ''
      : `\n        <m:ServiceLocation><m:mRID>SL-${up.premise}</m:mRID><m:Names><m:name>${up.address}</m:name><m:NameType><m:name>address</m:name></m:NameType></m:Names></m:ServiceLocation>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<ns2:${Verb}UsagePointConfig xmlns:ns2="http://iec.ch/TC57/2011/UsagePointConfigMessage" xmlns="http://iec.ch/TC57/2011/schema/message" xmlns:m="http://iec.ch/TC57/2011/UsagePointConfig#">
  <ns2:Header>
    <Verb>${verb}</Verb>
    <Noun>UsagePointConfig</Noun>
    <Timestamp>2026-11-02T08:00:00Z</Timestamp>
    <Source>CIS</Source>
    <MessageID>${id}</MessageID>
  </ns2:Header>
  <ns2:Payload>
    <m:UsagePointConfig>
      <m:UsagePoint>${up.mRID === undefined ? '' : `\n        <m:mRID>${up.mRID}</m:mRID>`}
        <m:isSdp>true</m:isSdp>
        <m:Names><m:name>${up.premise}</m:name><m:NameType><m:name>Premise</m:name></m:NameType></m:Names>
        <m:ServiceCategory><m:kind>electricity</m:kind></m:ServiceCategory>${location}
      </m:UsagePoint>
    </m:UsagePointConfig>
  </ns2:Payload>
</ns2:${Verb}UsagePointConfig>
`;
}

describe('UsagePointConfig: names, service location and address', () => {
  const tempDir = useTempDir();
  const seeded = () => {
    const store = openStore(join(tempDir(), 'field.db'));
    importRoute(store, actor, { fileName: 'r.csv', content: csv(row()), acceptValidRows: false });
    return store;
  };
  const addressOf = (store: ReturnType<typeof seeded>, id: string) =>
    store.db.prepare('SELECT address FROM usage_points WHERE id = ?').pluck().get(id);

  it.skipIf(xsdSkipReason !== null)('the messages are valid against UsagePointConfigMessage.xsd', () => {
    expect(
      validateXml(
        usagePointConfig('change', 'UPC-X', { mRID: 'UP-1', premise: 'P-4711', address: 'Hauptstraße 5, 12345 Musterstadt' }),
        typedXsd('UsagePointConfig'),
      ).errors,
    ).toEqual([]);
    expect(validateXml(usagePointConfig('create', 'UPC-Y', { premise: 'P-4712' }), typedXsd('UsagePointConfig')).errors).toEqual([]);
  });

  it('takes the address from ServiceLocation; the premise name never overwrites it', () => {
    const store = seeded();
    try {
      applyInboundMessage(store, actor, usagePointConfig('change', 'UPC-1', { mRID: 'UP-1', premise: 'P-4711' }));
      expect(addressOf(store, 'UP-1')).toBe('1 Main St');
      applyInboundMessage(
        store,
        actor,
        usagePointConfig('change', 'UPC-2', { mRID: 'UP-1', premise: 'P-4711', address: 'Hauptstraße 5, 12345 Musterstadt' }),
      );
      expect(addressOf(store, 'UP-1')).toBe('Hauptstraße 5, 12345 Musterstadt');
    } finally {
      store.close();
    }
  });

  it('creates a usage point keyed by its name when it has no mRID, and refuses one without a service address', () => {
    const store = seeded();
    try {
      expect(
        applyInboundMessage(store, actor, usagePointConfig('create', 'UPC-3', { premise: 'P-4712', address: 'Nebenweg 2' })).applied,
      ).toEqual({ usagePointsCreated: 1, usagePointsUpdated: 0 });
      expect(addressOf(store, 'P-4712')).toBe('Nebenweg 2');
      expect(() => applyInboundMessage(store, actor, usagePointConfig('create', 'UPC-4', { mRID: 'UP-77', premise: 'P-4713' }))).toThrow(
        refusedWith('missingField', { element: 'UsagePoint', id: 'UP-77', field: 'ServiceLocation' }),
      );
      expect(addressOf(store, 'UP-77')).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
