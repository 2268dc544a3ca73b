/**
 * Refused messages from the enterprise are kept as codes with typed details (issue 16 §3): the inbox
 * row's `error` holds the refusal as JSON, never an English sentence, and the received list says it
 * in German from the catalog. A row an earlier version wrote (a sentence) still shows, as recorded.
 * The MeterConfig messages are written as Connexo's MeterConfig service writes them (as in
 * meterConfigLifecycle.test.ts: CX MeterConfigMessage.xsd, "In stock" from its default life cycle).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullInbound, type InboundQueue } from '../../../electron/services/sync/inbound';
import { listReceived } from '../../../electron/services/sync/received';
import { openStore } from '../../../electron/services/store';
import { sayInboundRefusal } from '../../../shared/i18n/inboundRefusalKey';
import { inboundWordsDe } from '../../../shared/i18n/inboundWords';
import { useTempDir } from '../../support/tempDir';

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
        <m:serialNumber>${serial}</m:serialNumber>
        <m:lifecycle><m:receivedDate>${received}</m:receivedDate></m:lifecycle>
        <m:status><m:dateTime>2026-11-02T08:00:00.000+01:00</m:dateTime><m:value>${word}</m:value></m:status>
      </m:Meter>
    </m:MeterConfig>
  </ns3:Payload>
</ns3:${Wrapper}>
`;
}

/** The enterprise's queue for this device, as the sync run reads it (list, fetch, acknowledge). */
function queueOf(messages: Readonly<Record<string, string>>): InboundQueue {
  const left = new Map(Object.entries(messages));
  return {
    get: async (path) =>
      path === 'outbound'
        ? { status: 200, body: JSON.stringify([...left.keys()]), durationMs: 0 }
        : { status: left.has(path.slice(9)) ? 200 : 404, body: left.get(path.slice(9)) ?? '', durationMs: 0 },
    delete: async (path) => {
      left.delete(path.slice(9));
      return { status: 204, body: '', durationMs: 0 };
    },
  };
}

describe('refused inbound messages as codes', () => {
  const tempDir = useTempDir();

  it('keeps each refusal as a code with details in the inbox and says it in German; an old sentence shows as recorded', async () => {
    const store = openStore(join(tempDir(), 'field.db'));
    try {
      // As versions before this one wrote a refusal: the English sentence in `error`.
      store.db
        .prepare(
          `INSERT INTO inbox (message_id, noun, verb, payload, received_at, applied_at, status, error)
           VALUES ('OLD-1', 'MeterConfig', 'change', '{}', '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z', 'failed', ?)`,
        )
        .run('line 14: Meter E900 is not known on this device');
      const summary = await pullInbound(
        store,
        queueOf({
          'q-1': meterConfig('change', 'MC-UNKNOWN', 'E900', '2026-10-28'),
          'q-2': meterConfig('created', 'MC-DATE', 'E901', '28.10.2026'),
          'q-3': meterConfig('created', 'MC-WORD', 'E902', '2026-10-28', 'Aktiv'),
          'q-4': 'not XML at all',
        }),
        actor,
      );
      expect(summary).toMatchObject({ received: 4, applied: 0, refused: 4 });

      const stored = Object.fromEntries(
        (store.db.prepare('SELECT message_id AS id, error FROM inbox').all() as { id: string; error: string }[]).map((r) => [
          r.id,
          r.error,
        ]),
      );
      expect(stored['OLD-1']).toBe('line 14: Meter E900 is not known on this device');
      expect(JSON.parse(stored['MC-UNKNOWN']!)).toEqual({
        code: 'unknownTarget',
        details: { element: 'Meter', id: 'E900', action: 'change' },
        line: expect.any(Number),
      });
      expect(JSON.parse(stored['MC-DATE']!)).toMatchObject({
        code: 'badValue',
        details: { value: '28.10.2026', expected: 'date' },
        line: 14, // <m:lifecycle><m:receivedDate>
      });
      expect(JSON.parse(stored['MC-WORD']!)).toMatchObject({
        code: 'statusWordUnknown',
        details: { serial: 'E902', word: 'Aktiv', profile: expect.any(String) },
      });
      const notXml = Object.entries(stored).find(([id]) => id.startsWith('sha256:'))?.[1];
      expect(JSON.parse(notXml!)).toMatchObject({ code: 'xmlProblem', details: { problem: 'MALFORMED' } });
      for (const error of Object.values(stored).filter((e) => e !== stored['OLD-1'])) expect(error).not.toMatch(/is not known|is not a/);

      const german = Object.fromEntries(
        listReceived(store).map((r) => [r.messageId, r.refusal ? sayInboundRefusal(inboundWordsDe, r.refusal) : null]),
      );
      expect(german['MC-UNKNOWN']).toBe('Meter „E900“ ist auf diesem Gerät nicht bekannt und kann daher nicht geändert werden.');
      expect(german['MC-DATE']).toBe('E901: lifecycle/receivedDate „28.10.2026“ ist kein Datum (JJJJ-MM-TT).');
      expect(german['MC-WORD']).toMatch(/^Zähler E902: Den Status „Aktiv“ kennt das Integrationsprofil/);
      expect(german['OLD-1']).toBe('Die Nachricht wurde abgelehnt. Damals festgehalten: line 14: Meter E900 is not known on this device');
    } finally {
      store.close();
    }
  });
});
