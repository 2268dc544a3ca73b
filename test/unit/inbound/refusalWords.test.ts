/**
 * A refused inbound message is said from its code and details (issue 16 §3): every refusal code of
 * shared/contract/inboundRefusal.ts has English and German words with every placeholder filled, and
 * no applier refuses with a sentence of its own (each `reject(ctx, …)` names a code of the catalog).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inboundRefusal,
  inboundRefusalCodes,
  storedRefusal,
  type InboundRefusalCode,
  type InboundRefusalDetailsOf,
} from '../../../shared/contract/inboundRefusal';
import { inboundWordsDe, inboundWordsEn } from '../../../shared/i18n/inboundWords';
import { refusedMessageSpecifics, sayInboundRefusal } from '../../../shared/i18n/inboundRefusalKey';
import { sayError } from '../../../shared/i18n/errorKey';
import { errorWordsDe } from '../../../shared/i18n/errorWords.de';

/** Details of every code, one per kind where the words depend on it (typed: a new code without a sample does not compile). */
const samples: { [C in InboundRefusalCode]: InboundRefusalDetailsOf<C>[] } = {
  xmlProblem: (['TOO_LARGE', 'DTD_FORBIDDEN', 'TOO_DEEP', 'MALFORMED', 'INVALID_MESSAGE'] as const).map((problem) => ({
    problem,
    finding: 'near <x>',
  })),
  schemaInvalid: [
    { schemas: ['MeterConfigMessage.xsd'], findings: ['element Foo: not expected'], more: 0 },
    {
      schemas: ['MeterConfigMessage.xsd'],
      findings: [
        {
          line: 13,
          element: 'colour',
          kind: 'notExpected',
          expected: ['type'],
          text: 'line 13: element colour: … This element is not expected.',
        },
      ],
      more: 2,
    },
  ],
  faultMessage: [{}],
  noHeader: [{}],
  noPayload: [{ noun: 'MeterConfig' }],
  nounNotImported: [{ noun: 'Foo', known: ['MeterConfig', 'UsagePointConfig'] }],
  verbNotImported: [{ noun: 'MeterConfig', verb: 'delete', known: ['create', 'change'] }],
  payloadNounMismatch: [{ payload: 'UsagePointConfig', noun: 'MeterConfig' }],
  compressedAndPlain: [{ noun: 'MeterConfig' }],
  compressedInvalid: (['notBase64', 'notGzip', 'empty', 'incomplete'] as const).map((problem) => ({ problem })),
  replyAddressRefused: (['notUrl', 'notHttps', 'userInfo'] as const).map((problem) => ({ address: 'http://mdm.example', problem })),
  emptyPayload: [{ noun: 'MeterConfig', element: 'Meter' }],
  noIdentifier: [{ element: 'UsagePoint' }],
  missingField: [
    { element: 'Header', field: 'CorrelationID' },
    { element: 'MeterServiceWork', field: 'OldMeter', id: '2' },
  ],
  badValue: (['date', 'dateTime', 'zonedDateTime', 'number', 'readingTypeCode', 'eui64'] as const).map((expected) => ({
    field: 'value',
    value: '28.10.2026',
    expected,
  })),
  noTarget: [{ element: 'GetMeterReadings' }, { element: 'EndDeviceControl', id: 'EDC-1' }],
  unknownMeter: [{ element: 'Meter', keys: ['E-1', 'MRID-1'] }],
  notAMeter: [{ serial: '000D6F0000000001' }],
  meterNotInstalled: [{ serial: 'E-1' }],
  unknownUsagePoint: [{ usagePointId: 'UP-9' }],
  noMeterAtUsagePoint: [{ usagePointId: 'UP-9' }],
  unknownPanDevice: [{ eui64: '000D6F0000000099' }],
  panDecommissioned: [{ eui64: '000D6F0000000099' }],
  unknownTarget: (['change', 'cancel', 'close'] as const).map((action) => ({ element: 'CustomerAgreement', id: 'CA-1', action })),
  statusWordUnknown: [{ serial: 'E-1', word: 'Active', profile: 'connexo', known: ['In stock', 'Installed'] }],
  newMeterInstalled: [{ serial: 'E-1' }],
  serialTaken: [{ serial: 'E-1', newSerial: 'E-2' }],
  statusChangesInstallation: [{ serial: 'E-1', from: 'installed', to: 'inStock' }],
  linkageCounts: [{ meters: 2, usagePoints: 3 }],
  agreementUsagePoints: [{ usagePoints: 2 }],
  agreementElsewhere: [{ agreement: 'CA-1', usagePointId: 'UP-1', asked: 'UP-2' }],
  meterInstalledElsewhere: [{ serial: 'E-1', usagePointId: 'UP-1' }],
  meterNotAt: [{ serial: 'E-1', usagePointId: 'UP-1', asked: 'UP-2' }],
  meterRemoved: [{ serial: 'E-1' }],
  usagePointOccupied: [{ usagePointId: 'UP-1', serial: 'E-1' }],
  workInProgress: [{ serial: 'E-1', usagePointId: 'UP-1', workOrders: ['WO-1'] }],
  readingTypeUnknown: [{ readingType: 'Energy A+', at: ['UP-1'] }],
  workTypeUnknown: [{ item: 1, type: 'paint', known: ['exchange', 'remove'] }],
  onlySwitchByVerb: [{ item: 1, verb: 'cancel' }],
  windowBackwards: [{ item: 1, start: '2026-11-02T00:00:00Z', end: '2026-11-01T00:00:00Z' }],
  switchKindMismatch: [{ id: 'SW-1', kind: 'moveIn', asked: 'moveOut' }],
  switchRefused: [{ id: 'SW-1', refusal: 'switchFinished' }],
  controlNotInField: [{ controlType: '3.31.0.68', clockSet: '3.36.116.13', demandReset: '3.8.0.214' }],
  panControl: [{ device: '000D6F0000000001' }],
  meterKeyRefused: (['unknownKind', 'wrapped', 'notBase64', 'notPassword', 'notAesKey', 'needsRadioAddress'] as const).map((problem) => ({
    serial: 'KAM44556677',
    kind: 'mbus',
    problem,
  })),
  failed: [{ error: { code: 'NOT_FOUND', details: { reason: 'schemaFolderUnreadable' } } }],
  recorded: [{ text: 'MeterConfig holds no Meter' }],
};

const everyRefusal = inboundRefusalCodes.flatMap((code) => samples[code].map((details) => ({ code, details })));

describe('inbound refusal words', () => {
  it.each(everyRefusal)('$code says its details in English and German', (refusal) => {
    expect(inboundRefusal.parse(refusal)).toEqual(refusal);
    if (refusal.code === 'failed') return; // said as its own coded error (errorDetails.test.ts)
    const english = sayInboundRefusal(inboundWordsEn, refusal);
    const german = sayInboundRefusal(inboundWordsDe, refusal);
    for (const said of [english, german]) {
      expect(said, said).not.toMatch(/\{\{|\}\}/);
      expect(said).not.toBe(refusal.code);
      expect(said).not.toMatch(/ {2}/);
    }
    expect(german).not.toBe(english);
  });

  it('a refused import is said in German from the code, with its code and line beside the words', () => {
    const refusal = { code: 'unknownMeter', details: { element: 'Meter', keys: ['E-NOWHERE'] }, line: 12 } as const;
    const said = sayError(errorWordsDe, { code: 'IMPORT_REJECTED', details: { reason: 'message', line: 12, refusal } });
    expect(said).toBe('Meter „E-NOWHERE“ ist auf diesem Gerät nicht bekannt. Die Nachricht wurde abgelehnt; nichts wurde übernommen.');
    expect(refusedMessageSpecifics(errorWordsDe, { refusal, rejectedCopy: '/data/inbox-rejected/x.xml' })).toEqual([
      'unknownMeter · Zeile 12',
      'Eine Kopie mit unkenntlich gemachten Personendaten liegt in /data/inbox-rejected/x.xml.',
    ]);
  });

  it('says each schema finding beneath the refusal; a row of an earlier version, which kept xmllint’s lines, shows them as written', () => {
    const text =
      "line 13: element colour: Schemas validity error : Element '{urn:x}colour': This element is not expected. Expected is ( {urn:x}type ).";
    const typed = {
      code: 'schemaInvalid',
      details: {
        schemas: ['MeterConfigMessage.xsd'],
        findings: [{ line: 13, element: 'colour', kind: 'notExpected', expected: ['type'], text }],
        more: 1,
      },
    } as const;
    expect(refusedMessageSpecifics(errorWordsDe, { refusal: typed })).toEqual([
      'schemaInvalid: (+1)',
      '  Zeile 13: Das Element ‹colour› ist hier nicht erwartet; erwartet wird ‹type›.',
      `    ${text}`,
    ]);
    const earlier = storedRefusal(
      JSON.stringify({ code: 'schemaInvalid', details: { schemas: ['MeterConfigMessage.xsd'], findings: [text], more: 0 } }),
    );
    expect(earlier?.code).toBe('schemaInvalid');
    expect(refusedMessageSpecifics(errorWordsDe, { refusal: earlier! })).toEqual(['schemaInvalid', `  ${text}`]);
  });

  it('reads an inbox row of an earlier version, an English sentence, as recorded', () => {
    expect(storedRefusal('line 4: Meter E-1 is not known on this device')).toEqual({
      code: 'recorded',
      details: { text: 'line 4: Meter E-1 is not known on this device' },
    });
    expect(storedRefusal(JSON.stringify({ code: 'noHeader', details: {} }))).toEqual({ code: 'noHeader', details: {} });
    expect(storedRefusal(null)).toBeNull();
  });

  it('no inbound applier refuses with a sentence: every reject(ctx, …) names a code of the catalog, with details', () => {
    const folder = join(__dirname, '../../../electron/services/inbound');
    const known = new Set<string>(inboundRefusalCodes);
    let calls = 0;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8');
      for (const call of source.matchAll(/\breject\(\s*ctx,\s*([\s\S]{0,80})/g)) {
        calls++;
        const code = /^'(\w+)',\s*\{/.exec(call[1] ?? '')?.[1];
        expect(code && known.has(code), `${file}: reject(ctx, ${call[1]?.slice(0, 60)}`).toBe(true);
      }
      // The class is made from a refusal only (context.ts); elsewhere refused(code, details).
      if (file !== 'context.ts') expect(source, file).not.toMatch(/new InboundRejection\(/);
    }
    expect(calls).toBeGreaterThan(40);
  });
});
