/**
 * Receipts for every meter job on site (issue 24 §3): an install and a removal each get their
 * receipt like an exchange — the meter put in or taken out, its initial or final readings with
 * units, the seals, the register photo when there is one, the signature or its refusal — read back
 * with poppler's pdftotext and verified against the database. A switch reading's register photo
 * is on its receipt too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReceipt } from '../../../electron/services/evidence/receipts';
import { saveSignature } from '../../../electron/services/evidence/signatures';
import { checkReceipt } from '../../../electron/services/evidence/verifyReceipt';
import { addPhoto } from '../../../electron/services/readings/photos';
import { DEMO_NEW_CONNECTION } from '../../../electron/services/workOrders/demo';
import { takeSwitchReading } from '../../../electron/services/switching/switchRead';
import { completeInstall, completeRemoval } from '../../../electron/services/workOrders/meterJobs';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';

const installer = { name: 'Ines Installer', role: 'installer' } as const;
const png = readFileSync(join(import.meta.dirname, '../../fixtures/meter-photo.png'));
const poppler = ['pdftotext', 'pdfimages'].every((tool) => ['/usr/bin', '/usr/local/bin'].some((dir) => existsSync(join(dir, tool))));
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const imageCount = (file: string) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length - 2;

describe.skipIf(!poppler)('receipts for installs and removals (needs poppler-utils)', () => {
  const tempDir = useTempDir();

  it('an install: the meter put in, its initial reading, the seal applied, the signer', async () => {
    const dir = tempDir();
    const store = openDemoStore(dir, installer);
    const photoDir = join(dir, 'photos');
    const fresh = store.workOrders.deviceBySerial('E9100002');
    if (!fresh) throw new Error('demo not loaded');
    const initialReadings = store.workOrders.registersOf(fresh.id).map((r) => ({ registerId: r.id, value: '12' }));
    completeInstall(store, installer, {
      workOrderId: 'WO-DEMO-IN1',
      newMeter: { serial: 'E9100002', initialReadings, sealsApplied: ['S-IN-1'], photoIds: [] },
      note: '',
    });
    const visit = { kind: 'workOrder', id: 'WO-DEMO-IN1' } as const;
    saveSignature(store, installer, photoDir, visit, { status: 'signed', signerName: 'Erika Müller', imageBase64: png.toString('base64') });

    const receipt = await createReceipt(store, installer, photoDir, visit, 'de');
    const file = join(photoDir, receipt.fileName);
    const text = pdfText(file);
    for (const words of [
      'Zählereinbau',
      'Eingebauter Zähler',
      'E9100002',
      DEMO_NEW_CONNECTION.usagePointId,
      'Einbaustand',
      'S-IN-1',
      'Erika Müller',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('Ausgebauter Zähler');
    expect(checkReceipt(file, store)).toMatchObject({ intact: true, matchesDatabase: true });
    store.close();
  });

  it('a removal: the meter taken out, its final reading, the seal removed and the register photo; a refused signature', async () => {
    const dir = tempDir();
    const store = openDemoStore(dir, installer);
    const photoDir = join(dir, 'photos');
    const old = store.workOrders.meterAt('UP-1008');
    if (!old) throw new Error('demo not loaded');
    const photo = addPhoto(store, installer, photoDir, {
      usagePointId: 'UP-1008',
      fileName: 'register.png',
      mimeType: 'image/png',
      dataBase64: png.toString('base64'),
    });
    const finalReadings = store.workOrders
      .registersOf(old.id)
      .map((r) => ({ registerId: r.id, value: '4321', confirmation: { method: 'reentered' as const } }));
    completeRemoval(store, installer, {
      workOrderId: 'WO-DEMO-RM1',
      oldMeter: {
        observedSerial: old.serialNumber,
        finalReadings,
        finalSource: 'manual',
        sealsRemoved: ['S-RM-1'],
        disposition: 'scrapped',
        photoIds: [photo.photoId],
      },
      note: '',
    });
    const visit = { kind: 'workOrder', id: 'WO-DEMO-RM1' } as const;
    saveSignature(store, installer, photoDir, visit, { status: 'declined', signerName: '' });

    const receipt = await createReceipt(store, installer, photoDir, visit, 'en');
    const file = join(photoDir, receipt.fileName);
    const text = pdfText(file);
    for (const words of [
      'Meter removal',
      'Meter taken out',
      old.serialNumber,
      'final reading',
      '4,321',
      'S-RM-1',
      'Register photo',
      'The customer declined to sign',
    ])
      expect(text).toContain(words);
    // The register photo is the one image: a declined signature draws none.
    expect(imageCount(file)).toBe(1);
    expect(checkReceipt(file, store)).toMatchObject({ intact: true, matchesDatabase: true });
    store.close();
  });

  it('a switch reading taken with a register photo has the photo on its receipt', async () => {
    const dir = tempDir();
    const technician = { name: 'Tina Technician', role: 'technician' } as const;
    const store = openDemoStore(dir, technician);
    const photoDir = join(dir, 'photos');
    const moveOut = { kind: 'switchOrder', id: 'SW-DEMO-MO5' } as const;
    const photo = addPhoto(store, technician, photoDir, {
      usagePointId: 'UP-1005',
      fileName: 'register.png',
      mimeType: 'image/png',
      dataBase64: png.toString('base64'),
    });
    const values = (store.meters.get('UP-1005')?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
    takeSwitchReading(
      store,
      technician,
      { switchOrderId: moveOut.id, values, photoIds: [photo.photoId] },
      { settings: defaultValidationSettings, photoDir, now: new Date() },
    );
    saveSignature(store, technician, photoDir, moveOut, { status: 'declined', signerName: '' });

    const receipt = await createReceipt(store, technician, photoDir, moveOut, 'de');
    const file = join(photoDir, receipt.fileName);
    expect(pdfText(file)).toContain('Foto des Zählwerks');
    expect(imageCount(file)).toBe(1);
    expect(checkReceipt(file, store)).toMatchObject({ intact: true, matchesDatabase: true });
    store.close();
  });
});
