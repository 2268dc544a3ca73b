/**
 * Outbound MeterConfig as a real MDM asks for it (issue 19 §6): Meter/type with the meter model the
 * optical port identified, lifecycle dates, and the status in the utility's words (the integration
 * profile's `meterStatus` read backwards: Connexo's "Active" / "Removed", DefaultState in
 * chandangeek/Connexo_Code). The payload is checked against CX MeterConfig.xsd.
 */
import { describe, expect, it } from 'vitest';
import { renderOutboxRow } from '../../../shared/cim/outbox';
import { integrationProfileSchema } from '../../../shared/cim/integrationProfile';
import { extractPayload } from '../../../electron/services/messages/xsdValidator';
import { payloadXsd, validateXml, xsdSkipReason } from '../../support/xsd';

const row = (status: 'installed' | 'removed', meterType?: string) => ({
  messageId: `mc-${status}`,
  kind: 'meterConfig' as const,
  verb: 'change',
  createdAt: '2026-11-20T09:00:00.000Z',
  payload: {
    meter: 'E100',
    usagePoint: status === 'installed' ? 'UP-1' : null,
    status,
    at: '2026-11-20T09:00:00.000Z',
    sealsApplied: [],
    sealsRemoved: [],
    ...(meterType ? { meterType } : {}),
  },
});

describe('outbound MeterConfig', () => {
  const connexoWords = integrationProfileSchema.parse({
    meterStatus: { 'In stock': 'inStock', Active: 'installed', Removed: 'removed' },
  }).meterStatus;

  it('carries Meter/type from the model, and the status in the words of the profile', () => {
    const installed = renderOutboxRow(row('installed', 'LGZ-ZMD'), { source: 'FM', meterStatusWords: connexoWords });
    expect(installed).toMatch(/<m:type>LGZ-ZMD<\/m:type>/);
    expect(installed).toMatch(/<m:installationDate>2026-11-20<\/m:installationDate>/);
    expect(installed).toMatch(/<m:status>[\s\S]*<m:value>Active<\/m:value>/);
    const removed = renderOutboxRow(row('removed'), { source: 'FM', meterStatusWords: connexoWords });
    expect(removed).toMatch(/<m:value>Removed<\/m:value>/);
    expect(removed).not.toMatch(/<m:type>/);
    // The default profile keeps the app's own words.
    expect(renderOutboxRow(row('installed'), { source: 'FM', meterStatusWords: integrationProfileSchema.parse({}).meterStatus })).toMatch(
      /<m:value>installed<\/m:value>/,
    );
  });

  it.skipIf(xsdSkipReason !== null)('the payload is valid against MeterConfig.xsd', () => {
    const payload = extractPayload(renderOutboxRow(row('installed', 'LGZ-ZMD'), { source: 'FM', meterStatusWords: connexoWords }));
    expect(payload?.noun).toBe('MeterConfig');
    expect(validateXml(payload?.xml ?? '', payloadXsd('MeterConfig')).errors).toEqual([]);
  });
});
