/**
 * A visit receipt sent to the enterprise as a document (issue 24 §3), on a real SQLite file and the
 * enterprise simulator over HTTP: queued with the receipt when the integration profile names a
 * document endpoint, sent there as a 61968-100 EventMessage whose Payload/Compressed is the PDF
 * (Format PDF) with the verification code and the visit's MeterReadings MessageID as Header/Property
 * (checked against the reference Message.xsd), retried after a server error, never sent twice; a
 * profile without a document endpoint leaves it stored on the device and says so.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReceipt } from '../../../electron/services/evidence/receipts';
import { saveSignature } from '../../../electron/services/evidence/signatures';
import type { Store } from '../../../electron/services/store';
import { storeProfile } from '../../../electron/services/sync/profileFile';
import { createRouter } from '../../../electron/services/sync/router';
import { startEnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { takeSwitchReading } from '../../../electron/services/switching/switchRead';
import { completeInstall } from '../../../electron/services/workOrders/meterJobs';
import { integrationProfileSchema } from '../../../shared/cim/integrationProfile';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { openDemoStore } from '../../support/demoStore';
import { syncOnce, useClosing } from '../../support/enterpriseSimulator/harness';
import { messageXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { useTempDir } from '../../support/tempDir';

const technician = { name: 'Tom Technician', role: 'technician' } as const;
const installer = { name: 'Ines Installer', role: 'installer' } as const;
const png = readFileSync(join(import.meta.dirname, '../../fixtures/meter-photo.png'));
const moveOut = { kind: 'switchOrder', id: 'SW-DEMO-MO5' } as const;

/** What the simulated enterprise stored: one JSON line per accepted message. */
const accepted = (dir: string) =>
  readFileSync(join(dir, 'accepted.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { messageId: string; xml: string });

describe('visit receipts sent with the outbox as a document (issue 24 §3)', () => {
  const tempDir = useTempDir();
  const closing = useClosing();

  const signedMoveOut = () => {
    const dir = tempDir();
    const store: Store = closing(openDemoStore(dir, technician));
    const photoDir = join(dir, 'photos');
    const values = (store.meters.get('UP-1005')?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
    const read = takeSwitchReading(
      store,
      technician,
      { switchOrderId: moveOut.id, values },
      { settings: defaultValidationSettings, photoDir },
    );
    saveSignature(store, technician, photoDir, moveOut, {
      status: 'signed',
      signerName: 'Erika Müller',
      imageBase64: png.toString('base64'),
    });
    return { dir, store, photoDir, readingsMessageId: read.messageIds[0]! };
  };

  it('is queued once with the receipt, sent to the document endpoint with its code and the readings’ MessageID, retried, never twice', async () => {
    const { dir, store, photoDir, readingsMessageId } = signedMoveOut();
    // The first request fails with HTTP 500: the run retries it like any message.
    const sim = closing(await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise'), fault: { kind: '500', rate: 0.5, seed: 3 } }));
    const profile = integrationProfileSchema.parse({ endpoints: { Document: `${sim.url}documents` } });
    storeProfile(store, profile);

    const receipt = await createReceipt(store, technician, photoDir, moveOut, 'de');
    expect(receipt.sending).toBe('queued');
    // The English receipt of the same visit is the same document (same code): not queued again.
    expect((await createReceipt(store, technician, photoDir, moveOut, 'en')).sending).toBe('alreadyQueued');
    expect((await createReceipt(store, technician, photoDir, moveOut, 'de')).sending).toBe('alreadyQueued');
    const queued = store.outbox.list().filter((e) => e.kind === 'visitReceipt');
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ noun: 'Document', verb: 'created', usagePointId: 'UP-1005' });

    // The app's router: one transport per service URL, as a sync run of the app posts.
    const router = createRouter({ endpoint: sim.url, auth: { kind: 'none' }, timeoutMs: 5000, maxReplyBytes: 1024 * 1024, maxSockets: 4 }, [
      `${sim.url}documents`,
    ]);
    closing(router);
    const first = await syncOnce(store, sim.url, { profile, post: router.post });
    expect(first.stopped).toBeNull();
    expect(store.outbox.get(queued[0]!.messageId)?.status).toBe('sent');
    // Retried with the same MessageID after the simulated server errors, then accepted.
    const tries = store.outbox.attempts(queued[0]!.messageId).map((a) => a.httpStatus);
    expect(tries.at(-1)).toBe(200);
    expect(tries.filter((status) => status === 500).length).toBeGreaterThan(0);
    expect(sim.acceptedPaths()[queued[0]!.messageId]).toBe('/documents');
    expect(sim.acceptedPaths()[readingsMessageId]).toBe('/');

    const stored = accepted(join(dir, 'enterprise')).find((m) => m.messageId === queued[0]!.messageId);
    if (!stored) throw new Error('the enterprise did not store the receipt');
    const pdf = readFileSync(join(photoDir, receipt.fileName));
    const data = /<msg:Compressed>([^<]+)<\/msg:Compressed>/.exec(stored.xml)?.[1] ?? '';
    expect(Buffer.from(data, 'base64').equals(pdf)).toBe(true);
    expect(stored.xml).toMatch(/<msg:Format>PDF<\/msg:Format>/);
    expect(stored.xml).toMatch(/<msg:Noun>Document<\/msg:Noun>/);
    const property = (name: string) =>
      [...stored.xml.matchAll(new RegExp(`<msg:Name>${name}</msg:Name>\\s*<msg:Value>([^<]*)</msg:Value>`, 'g'))].map((m) => m[1]);
    expect(property('VerificationCode')).toEqual([receipt.code]);
    expect(property('MeterReadingsMessageID')).toEqual([readingsMessageId]);
    expect(property('MeterServiceRequest')).toEqual([moveOut.id]);
    expect(property('DocumentSHA256')).toEqual([createHash('sha256').update(pdf).digest('hex')]);
    if (!xsdSkipReason) expect(validateXml(stored.xml, messageXsd).errors).toEqual([]);

    // Never twice: a second run has nothing to send, and asking for the receipt again queues nothing.
    const received = sim.stats.received;
    expect((await syncOnce(store, sim.url, { profile, post: router.post })).sent).toBe(0);
    expect((await createReceipt(store, technician, photoDir, moveOut, 'de')).sending).toBe('alreadyQueued');
    expect(store.outbox.list().filter((e) => e.kind === 'visitReceipt')).toHaveLength(1);
    expect(sim.stats.received).toBe(received);
    expect(sim.stats.duplicates).toBe(0);
  }, 60_000);

  it('an install’s receipt names the MeterReadings of the meter put in as its reference', async () => {
    const dir = tempDir();
    const store: Store = closing(openDemoStore(dir, installer));
    const photoDir = join(dir, 'photos');
    storeProfile(store, integrationProfileSchema.parse({ endpoints: { Document: 'https://mdm.example/documents' } }));
    const fresh = store.workOrders.deviceBySerial('E9100002');
    if (!fresh) throw new Error('demo not loaded');
    const initialReadings = store.workOrders.registersOf(fresh.id).map((r) => ({ registerId: r.id, value: '12' }));
    const before = store.outbox.list().length;
    completeInstall(store, installer, {
      workOrderId: 'WO-DEMO-IN1',
      newMeter: { serial: 'E9100002', initialReadings, sealsApplied: ['S-IN-1'], photoIds: [] },
      note: '',
    });
    const readings = store.outbox
      .list()
      .slice(before)
      .filter((e) => e.kind === 'meterReadings')
      .map((e) => e.messageId);
    expect(readings.length).toBeGreaterThan(0);
    const visit = { kind: 'workOrder', id: 'WO-DEMO-IN1' } as const;
    saveSignature(store, installer, photoDir, visit, { status: 'declined', signerName: '' });
    expect((await createReceipt(store, installer, photoDir, visit, 'en')).sending).toBe('queued');
    const queued = store.outbox.list().find((e) => e.kind === 'visitReceipt');
    expect(queued?.payload).toMatchObject({ visit, readingsMessageIds: readings, meter: 'E9100002' });
  });

  it('without a document endpoint the receipt stays stored on the device, says so, and nothing is queued for it', async () => {
    const { store, photoDir } = signedMoveOut();
    const before = store.outbox.list().length;
    const receipt = await createReceipt(store, technician, photoDir, moveOut, 'en');
    expect(receipt.sending).toBe('noDocumentEndpoint');
    expect(existsSync(join(photoDir, receipt.fileName))).toBe(true);
    expect(store.outbox.list()).toHaveLength(before);
    // A profile in the EPRI draft namespaces cannot carry a document (its Header/Noun is an enumeration).
    storeProfile(
      store,
      integrationProfileSchema.parse({ namespaces: 'epriDraft', endpoints: { Document: 'https://mdm.example/documents' } }),
    );
    expect((await createReceipt(store, technician, photoDir, moveOut, 'en')).sending).toBe('noDocumentEndpoint');
    // Once the utility names one, the receipt asked for again is queued (once).
    storeProfile(store, integrationProfileSchema.parse({ endpoints: { SendDocument: 'https://mdm.example/documents' } }));
    expect((await createReceipt(store, technician, photoDir, moveOut, 'en')).sending).toBe('queued');
    expect(store.outbox.list().filter((e) => e.kind === 'visitReceipt')).toHaveLength(1);
  });
});
