/**
 * Inbound namespaces are checked by URI, not by prefix (issue 18): a message in a foreign
 * namespace, with the `msg` prefix rebound to another URI or not declared at all, or with a payload
 * in a namespace that is not its noun's, is refused and applies nothing — while a message that
 * binds the right URIs to prefixes of its own choosing is applied.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessage, type CimMessage } from '../../../shared/cim';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { openStore } from '../../../electron/services/store';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'tester', role: 'supervisor' } as const;
const message = (id: string): CimMessage => ({
  kind: 'request',
  header: { verb: 'create', noun: 'MeterConfig', timestamp: '2026-11-01T10:00:00Z', source: 'CIS', messageID: id },
  payload: { kind: 'xml', body: { noun: 'MeterConfig', value: { meters: [{ serialNumber: `S-${id}`, status: { value: 'inStock' } }] } } },
});
const MSG = 'http://iec.ch/TC57/2011/schema/message';
const PAYLOAD = 'http://iec.ch/TC57/2011/MeterConfig#';

describe('inbound namespaces', () => {
  const tempDir = useTempDir();

  function setUp() {
    const store = openStore(join(tempDir(), 'fm.db'));
    const devices = () => store.db.prepare('SELECT count(*) FROM end_devices').pluck().get();
    const inbox = () => store.db.prepare("SELECT count(*) FROM inbox WHERE status = 'applied'").pluck().get();
    return { store, devices, inbox };
  }

  it('applies the message as built, and with prefixes of its own choosing bound to the right URIs', () => {
    const { store, devices } = setUp();
    try {
      const generic = buildMessage(message('ok-1'), { form: 'generic' });
      expect(generic).toContain('msg:Header');
      applyInboundMessage(store, actor, generic);
      const renamed = buildMessage(message('ok-2'), { form: 'generic' })
        .replaceAll('msg:', 'env:')
        .replace('xmlns:env=', 'xmlns:env=')
        .replaceAll('xmlns:msg=', 'xmlns:env=');
      expect(renamed).not.toContain('msg:');
      applyInboundMessage(store, actor, renamed);
      expect(devices()).toBe(2);
    } finally {
      store.close();
    }
  });

  it('refuses a rebound or undeclared msg prefix, a foreign envelope or payload namespace, with nothing applied', () => {
    const { store, devices, inbox } = setUp();
    try {
      const good = buildMessage(message('ns-1'), { form: 'generic' });
      const attempts: Record<string, string> = {
        // The Header's prefix bound to another URI on the Header itself.
        reboundHeader: good.replace('<msg:Header>', '<msg:Header xmlns:msg="http://evil.example/message">'),
        // The Payload in another namespace by a rebound prefix.
        reboundPayload: good.replace('<msg:Payload>', '<msg:Payload xmlns:msg="http://evil.example/message">'),
        // The prefix never declared.
        undeclared: good.replace(`xmlns:msg="${MSG}"`, ''),
        // The whole envelope in a look-alike namespace (a prefix match would pass it).
        foreignEnvelope: good.replaceAll(MSG, `${MSG}-evil`),
        // The payload in a namespace that is not its noun's.
        foreignPayload: good.replace(PAYLOAD, 'http://evil.example/MeterConfig#'),
        // The payload's prefix undeclared.
        undeclaredPayload: good.replace(`xmlns:m="${PAYLOAD}"`, ''),
        // An element inside the payload from elsewhere.
        foreignInside: good.replace('<m:Meter>', '<m:Meter><x:Extra xmlns:x="http://evil.example/x">1</x:Extra>'),
      };
      for (const [name, xml] of Object.entries(attempts)) {
        expect(xml, name).not.toBe(good);
        expect(() => applyInboundMessage(store, actor, xml), name).toThrow(/namespace|not declared|not the IEC 61968-100/);
      }
      expect(devices()).toBe(0);
      expect(inbox()).toBe(0);
    } finally {
      store.close();
    }
  });
});
