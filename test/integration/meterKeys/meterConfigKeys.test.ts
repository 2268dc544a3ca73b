/**
 * Meter keys from the enterprise (issue 22 §5, issue 23 §5): a MeterConfig's Connexo
 * `Meter/SecurityKeys/securityKey` (CX MeterConfig.xsd imports SecurityKeys.xsd; Connexo's
 * MeterConfigParser reads securityAccessorName and securityAccessorKey/CipherData/CipherValue,
 * plain when no wrapKeyInfo comes with it — chandangeek/Connexo_Code, inbound.soap meterconfig).
 * Pulled from the enterprise's queue as a sync does, applied into a real SQLite file: the key is
 * kept sealed and is found in no byte of the database or its WAL; a malformed one is refused and
 * the refused message kept in the inbox has its key masked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { meterKeysOf } from '../../../electron/services/meterKeys';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import { openStore } from '../../../electron/services/store';
import { pullInbound, type InboundQueue } from '../../../electron/services/sync/inbound';
import { useTempDir } from '../../support/tempDir';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';

// The Green Book's example keys (DLMS UA 1000-2 Ed. 10, 9.2.2.3 "AES-GCM test vectors").
const EK = '000102030405060708090A0B0C0D0E0F';
const AK = 'D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF';
const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

interface SentKey {
  name: string;
  value: string;
  wrapped?: boolean;
}

const securityKey = ({ name, value, wrapped }: SentKey) => `
          <sec:securityKey>${
            wrapped
              ? `
            <sec:wrapKeyInfo Label="hsm-import"><sec:SymmetricKey><xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></sec:SymmetricKey>
              <sec:PublicKey><ds:Modulus>AQAB</ds:Modulus><ds:Exponent>AQAB</ds:Exponent></sec:PublicKey></sec:wrapKeyInfo>`
              : ''
          }
            <sec:securityAccessorName>${name}</sec:securityAccessorName>
            <sec:securityAccessorKey><xenc:CipherData><xenc:CipherValue>${value}</xenc:CipherValue></xenc:CipherData></sec:securityAccessorKey>
          </sec:securityKey>`;

function meterConfig(id: string, serial: string, keys: readonly SentKey[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ns3:CreatedMeterConfig xmlns:ns3="http://iec.ch/TC57/2011/MeterConfigMessage" xmlns="http://iec.ch/TC57/2011/schema/message"
    xmlns:m="http://iec.ch/TC57/2011/MeterConfig#" xmlns:sec="http://connexo.elster.com/2018/schema/securitykeys"
    xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <ns3:Header>
    <Verb>created</Verb>
    <Noun>MeterConfig</Noun>
    <Timestamp>2026-12-01T08:00:00.000+01:00</Timestamp>
    <Source>Connexo</Source>
    <MessageID>${id}</MessageID>
  </ns3:Header>
  <ns3:Payload>
    <m:MeterConfig>
      <m:Meter>
        <m:serialNumber>${serial}</m:serialNumber>
        <m:type>AM550</m:type>
        <m:Names><m:name>${serial}</m:name></m:Names>
        <m:SecurityKeys>${keys.map(securityKey).join('')}
        </m:SecurityKeys>
      </m:Meter>
    </m:MeterConfig>
  </ns3:Payload>
</ns3:CreatedMeterConfig>
`;
}

/** The enterprise's queue beside the endpoint, as sync/inbound.ts reads it: one message per id. */
function queueOf(messages: Readonly<Record<string, string>>): InboundQueue {
  const reply = (status: number, body: string) => Promise.resolve({ status, body, durationMs: 1 });
  return {
    get: (path) =>
      path === 'outbound' ? reply(200, JSON.stringify(Object.keys(messages))) : reply(200, messages[path.slice('outbound/'.length)] ?? ''),
    delete: () => reply(204, ''),
  };
}

const technician = { name: 'Tina', role: 'technician' } as const;
const leaks = (hex: string) => [hex, hex.toLowerCase(), b64(hex), Buffer.from(hex).toString('base64')];

describe('meter keys from an inbound MeterConfig', () => {
  const tempDir = useTempDir();
  const open = () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fieldmeter.db'));
    const keeper = meterKeysOf(store, { encryptor: secretEncryptor('a secret from the environment') });
    const bytes = () => {
      store.db.pragma('wal_checkpoint(PASSIVE)');
      return readdirSync(dir)
        .filter((f) => f.startsWith('fieldmeter.db'))
        .map((f) => readFileSync(join(dir, f)).toString('latin1'))
        .join('');
    };
    return { store, keeper, bytes };
  };

  it.skipIf(xsdSkipReason !== null)('the messages are valid against MeterConfigMessage.xsd (with Connexo SecurityKeys.xsd)', () => {
    const keys = [
      { name: 'dlms.encryption', value: b64(EK) },
      { name: 'dlms.authentication', value: b64(AK), wrapped: true },
    ];
    expect(validateXml(meterConfig('MC-K1', 'E3100050', keys), typedXsd('MeterConfig')).errors).toEqual([]);
  });

  it('keeps the keys pulled from the queue sealed: no byte of the database or its WAL holds them', async () => {
    const { store, keeper, bytes } = open();
    try {
      const xml = meterConfig('MC-K1', 'E3100050', [
        { name: 'dlms.encryption', value: b64(EK) },
        { name: 'dlms.authentication', value: b64(AK) },
      ]);
      const summary = await pullInbound(store, queueOf({ 'MC-K1': xml }), technician, undefined, undefined, keeper);
      expect(summary).toMatchObject({ applied: 1, refused: 0 });
      const keys = keeper.keysFor({ id: 'E3100050' });
      expect(
        Buffer.from(keys['dlms.encryption'] ?? [])
          .toString('hex')
          .toUpperCase(),
      ).toBe(EK);
      expect(
        Buffer.from(keys['dlms.authentication'] ?? [])
          .toString('hex')
          .toUpperCase(),
      ).toBe(AK);
      expect(store.inbox.list({ limit: 1 })[0]).toMatchObject({
        status: 'applied',
        changes: [expect.objectContaining({ meterKeysSet: 1 })],
      });
      const stored = bytes();
      expect(stored).toContain('E3100050');
      for (const form of [...leaks(EK), ...leaks(AK)]) expect(stored, `database holds ${form}`).not.toContain(form);
    } finally {
      store.close();
    }
  });

  it('refuses a malformed or wrapped key with a reason that names no key, and keeps the refused message masked', async () => {
    const { store, keeper, bytes } = open();
    try {
      const short = b64(EK.slice(0, 30));
      const messages = {
        'MC-K2': meterConfig('MC-K2', 'E3100051', [{ name: 'dlms.encryption', value: short }]),
        'MC-K3': meterConfig('MC-K3', 'E3100052', [{ name: 'dlms.authentication', value: b64(AK), wrapped: true }]),
        'MC-K4': meterConfig('MC-K4', 'E3100053', [{ name: 'mbus', value: b64(EK) }]),
      };
      const summary = await pullInbound(store, queueOf(messages), technician, undefined, undefined, keeper);
      expect(summary).toMatchObject({ applied: 0, refused: 3 });
      const refused = store.inbox.list({ limit: 10 });
      expect(refused.map((r) => r.refusal)).toEqual([
        expect.objectContaining({ code: 'meterKeyRefused', details: { serial: 'E3100053', kind: 'mbus', problem: 'needsRadioAddress' } }),
        expect.objectContaining({
          code: 'meterKeyRefused',
          details: { serial: 'E3100052', kind: 'dlms.authentication', problem: 'wrapped' },
        }),
        expect.objectContaining({
          code: 'meterKeyRefused',
          details: { serial: 'E3100051', kind: 'dlms.encryption', problem: 'notAesKey' },
        }),
      ]);
      expect(store.db.prepare('SELECT count(*) FROM meter_keys').pluck().get()).toBe(0);
      expect(store.db.prepare('SELECT count(*) FROM end_devices').pluck().get()).toBe(0);
      const kept = JSON.stringify(store.db.prepare('SELECT payload, error FROM inbox').all());
      expect(kept).toContain('securityAccessorName>dlms.encryption<');
      const stored = bytes();
      for (const form of [short, ...leaks(EK), ...leaks(AK)]) {
        expect(kept, `inbox holds ${form}`).not.toContain(form);
        expect(stored, `database holds ${form}`).not.toContain(form);
      }
    } finally {
      store.close();
    }
  });

  it('lets a file with keys be applied by a supervisor only; without a keeper it is refused', () => {
    const { store, keeper } = open();
    try {
      const xml = (id: string) => meterConfig(id, 'E3100050', [{ name: 'dlms.encryption', value: b64(EK) }]);
      const fromFile = { keeper, fromEnterprise: false };
      expect(() => applyInboundMessage(store, technician, xml('MC-F1'), { meterKeys: fromFile })).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'meterKeys.needSupervisor' } }),
      );
      expect(() => applyInboundMessage(store, { name: 'Sam', role: 'supervisor' }, xml('MC-F2'))).toThrow(
        expect.objectContaining({ code: 'VALIDATION', details: expect.objectContaining({ reason: 'meterKeys.storageUnavailable' }) }),
      );
      const applied = applyInboundMessage(store, { name: 'Sam', role: 'supervisor' }, xml('MC-F3'), { meterKeys: fromFile });
      expect(applied.applied).toMatchObject({ metersAdded: 1, meterKeysSet: 1 });
      expect(store.db.prepare("SELECT details FROM audit_log WHERE action = 'meterKeys.set'").pluck().all()).toEqual([
        JSON.stringify({ from: 'meterConfig', source: 'MC-F3', kinds: 'dlms.encryption' }),
      ]);
    } finally {
      store.close();
    }
  });
});
