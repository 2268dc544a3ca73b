/**
 * Sending uses the profile's code table (issue 19 §5): a sync run against the enterprise simulator
 * under a utility's own table delivers the table's EndDeviceEventType and ReadingQualityType codes,
 * while the outbox keeps the published ones (so a change of table also changes a resend).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { integrationProfileSchema } from '../../../shared/cim/integrationProfile';
import type { Store } from '../../../electron/services/store';
import type { EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { readAccepted } from '../../../electron/services/sync/simulator/storage';
import { seededStoreAndSimulator, syncOnce } from '../../support/enterpriseSimulator/harness';
import { useTempDir } from '../../support/tempDir';

const refs = (xml: string, element: string) => [...xml.matchAll(new RegExp(`${element} ref="([^"]+)"`, 'g'))].map((m) => m[1]);

describe('codes sent through the profile code table', () => {
  const tempDir = useTempDir();
  let open: { store: Store; sim: EnterpriseSimulator } | undefined;
  afterEach(async () => {
    open?.store.close();
    await open?.sim.close();
    open = undefined;
  });

  const run = async (codeTable?: unknown) => {
    const dir = tempDir();
    const { store, sim, queued } = await seededStoreAndSimulator(dir, undefined, undefined, { strictSoapAction: true });
    open = { store, sim };
    const profile = integrationProfileSchema.parse(codeTable === undefined ? {} : { codeTable });
    const summary = await syncOnce(store, sim.url, { profile });
    expect(summary).toMatchObject({ accepted: queued, rejected: 0, pending: 0 });
    const accepted = readAccepted(join(dir, 'enterprise')).map((m) => m.xml);
    return {
      store,
      events: accepted.flatMap((x) => refs(x, 'EndDeviceEventType')),
      qualities: accepted.flatMap((x) => refs(x, 'ReadingQualityType')),
    };
  };

  it('the default profile sends the published codes', async () => {
    const { events, qualities } = await run();
    expect(new Set(events)).toEqual(new Set(['3.12.43.257']));
    expect(new Set(qualities)).toEqual(new Set(['2.4.131', '2.5.259']));
  });

  it("a utility's own table replaces them in every message, the outbox keeps the published codes", async () => {
    const { store, events, qualities } = await run({
      name: 'Stadtwerke MDM',
      base: 'amiVendorExample',
      events: { tamperDetected: '0.12.43.300' },
      readingQualities: { manuallyEntered: '4.4.131', knownMissingRead: '2.5.260' },
    });
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events)).toEqual(new Set(['3.12.43.300']));
    expect(new Set(qualities)).toEqual(new Set(['4.4.131', '2.5.260']));
    const kept = store.db.prepare("SELECT payload FROM outbox WHERE kind = 'skipEvent' LIMIT 1").pluck().get() as string;
    expect(kept).toContain('3.12.43.257');
  });
});
