/**
 * The enterprise simulator's store: one append-only file, each MessageID once and in the order
 * accepted, deduplicating across a restart, a torn last line ignored; with `validation: 'after'`
 * the schema check over everything stored still finds an invalid message.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEnterpriseSimulator, type EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { ACCEPTED_FILE, readAccepted } from '../../../electron/services/sync/simulator/storage';
import { wrapSoap } from '../../../electron/services/sync/soap';
import { seededStoreAndSimulator, syncOnce } from '../../support/enterpriseSimulator/harness';
import { useTempDir } from '../../support/tempDir';
import { cimDir, xsdSkipReason } from '../../support/xsd';
import type { Store } from '../../../electron/services/store';

describe('enterprise simulator store', () => {
  const tempDir = useTempDir();
  let open: { store?: Store; sims: EnterpriseSimulator[] } = { sims: [] };
  afterEach(async () => {
    open.store?.close();
    for (const sim of open.sims) await sim.close();
    open = { sims: [] };
  });

  it('keeps every accepted message once, in order, and still knows them after a restart', async () => {
    const dir = tempDir();
    const { store, sim, queued } = await seededStoreAndSimulator(dir);
    open = { store, sims: [sim] };
    const summary = await syncOnce(store, sim.url);
    expect(summary.accepted).toBe(queued);
    await sim.close();
    open.sims = [];

    const stored = readAccepted(join(dir, 'enterprise'));
    expect(stored.map((m) => m.messageId)).toEqual(sim.acceptedIds());
    expect(new Set(stored.map((m) => m.messageId)).size).toBe(queued);
    expect(stored[0]!.xml).toMatch(/^<\?xml|^<msg:/);

    // A simulator killed mid-write leaves a torn line: ignored (its sender never got an OK).
    appendFileSync(join(dir, 'enterprise', ACCEPTED_FILE), '{"messageId":"torn","xml":"<msg:Ev');
    const again = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise') });
    open.sims = [again];
    expect(again.acceptedIds()).toHaveLength(queued);
    const first = stored[0]!;
    const reply = await fetch(again.url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body: wrapSoap(first.xml, '1.1'),
    });
    expect(reply.status).toBe(200);
    expect(await reply.text()).toContain('<msg:Result>OK</msg:Result>');
    expect(again.stats).toMatchObject({ duplicates: 1, accepted: 0 });
  });

  it.skipIf(xsdSkipReason !== null)(
    `validation 'after': accepted at once, and the check afterwards names the invalid message${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
    async () => {
      const dir = tempDir();
      const { store, queued } = await seededStoreAndSimulator(dir);
      const sim = await startEnterpriseSimulator({ storeDir: join(dir, 'deferred'), xsdDir: cimDir, validation: 'after' });
      open = { store, sims: [sim] };
      expect((await syncOnce(store, sim.url)).accepted).toBe(queued);
      expect(await sim.validateStored()).toEqual({ checked: queued, invalid: [] });

      // Well-formed, a readable 61968-100 message, but not what MeterReadings.xsd allows.
      const good = readAccepted(join(dir, 'deferred')).find((m) => m.xml.includes('<m:MeterReading>'))!;
      const badId = 'c0ffee00-0000-4000-8000-000000000001';
      const bad = good.xml
        .replace(/<msg:MessageID>[^<]*</, `<msg:MessageID>${badId}<`)
        .replace('<m:MeterReading>', '<m:MeterReading><m:NotInTheSchema>1</m:NotInTheSchema>');
      const reply = await fetch(sim.url, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8' },
        body: wrapSoap(bad, '1.1'),
      });
      expect(await reply.text()).toContain('<msg:Result>OK</msg:Result>');
      const verdict = await sim.validateStored();
      expect(verdict.checked).toBe(queued + 1);
      expect(verdict.invalid.map((i) => i.messageId)).toEqual([badId]);
      expect(verdict.invalid[0]!.errors.join(' ')).toMatch(/NotInTheSchema/);
    },
  );
});
