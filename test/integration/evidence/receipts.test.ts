/**
 * Visit receipts (issue 24 §3) on a real SQLite file: the PDF drawn, rendered to PNG with poppler's
 * pdftoppm and read back with pdftotext (German words with umlauts, the signer, the code); its code
 * verified in process and by the real `fieldmeter receipt verify` (exit 0 intact, exit 1 when a byte
 * of the embedded data was changed or the visit in the database no longer matches); never overwritten.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReceipt } from '../../../electron/services/evidence/receipts';
import { addPhoto } from '../../../electron/services/readings/photos';
import { saveSignature } from '../../../electron/services/evidence/signatures';
import { checkReceipt } from '../../../electron/services/evidence/verifyReceipt';
import type { Store } from '../../../electron/services/store';
import { takeSwitchReading } from '../../../electron/services/switching/switchRead';
import { completeExchange } from '../../../electron/services/workOrders/exchange';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { fieldmeterInProcess } from '../../support/cli';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';

const technician = { name: 'Jürgen Weiß', role: 'technician' } as const;
const installer = { name: 'Ines Installer', role: 'installer' } as const;
const png = readFileSync(join(import.meta.dirname, '../../fixtures/meter-photo.png'));
const moveOut = { kind: 'switchOrder', id: 'SW-DEMO-MO5' } as const;
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('visit receipts (issue 24 §3)', () => {
  const tempDir = useTempDir();
  const signedMoveOut = () => {
    const dir = tempDir();
    const store = openDemoStore(dir, technician);
    const photoDir = join(dir, 'photos');
    const values = (store.meters.get('UP-1005')?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
    takeSwitchReading(
      store,
      technician,
      { switchOrderId: moveOut.id, values },
      { settings: defaultValidationSettings, photoDir, now: new Date() },
    );
    saveSignature(store, technician, photoDir, moveOut, {
      status: 'signed',
      signerName: 'Erika Müller',
      imageBase64: png.toString('base64'),
    });
    return { dir, store, photoDir, database: join(dir, 'demo.db') };
  };

  it('a German receipt: umlauts, the signer, the readings with units and code, the grouped verification code; rendered to PNG', async () => {
    const { store, photoDir } = signedMoveOut();
    const receipt = await createReceipt(store, technician, photoDir, moveOut, 'de');
    expect(receipt).toMatchObject({ language: 'de', code: expect.stringMatching(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/) as unknown });
    const file = join(photoDir, receipt.fileName);
    const text = pdfText(file);
    for (const words of [
      'Besuchsbestätigung',
      'Ablesung bei Auszug',
      'Zählerstände',
      'Jürgen Weiß',
      'Vom Kunden unterschrieben: Erika Müller',
      'Prüfcode',
      receipt.code,
      'UP-1005',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Energie Bezug \(aus dem Netz\).*kWh\s+\d+\.\d+\.\d+/);
    // What a person sees: page 1 as PNG (kept for a look beside the E2E screenshots).
    const out = resolve('test-results', 'screenshots');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(out, 'receipt-de-integration')]);
    const page = readFileSync(join(out, 'receipt-de-integration.png'));
    expect(page.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(page.length).toBeGreaterThan(5000);
    // The English receipt of the same visit has the same code (the language is not the visit's data), in another file.
    const english = await createReceipt(store, technician, photoDir, moveOut, 'en');
    expect(english.code).toBe(receipt.code);
    expect(pdfText(join(photoDir, english.fileName))).toMatch(
      /Visit receipt[\s\S]*Move-out reading[\s\S]*Signed by the customer: Erika Müller/,
    );
    // Asked again: the same file, not rewritten; the code is in the audit.
    const before = statSync(file).mtimeMs;
    expect(await createReceipt(store, technician, photoDir, moveOut, 'de')).toEqual(receipt);
    expect(statSync(file).mtimeMs).toBe(before);
    const audit = store.db.prepare("SELECT details FROM audit_log WHERE action = 'visit.receipt'").all() as { details: string }[];
    expect(audit.map((a) => JSON.parse(a.details) as { code: string }).map((d) => d.code)).toEqual([
      receipt.code.replace('-', ''),
      receipt.code.replace('-', ''),
    ]);
    store.close();
  });

  it(
    'verify: intact and matching the database; a byte changed in the embedded data, or the visit changed in the database, fails',
    async () => {
      const { dir, store, photoDir, database } = signedMoveOut();
      const receipt = await createReceipt(store, technician, photoDir, moveOut, 'de');
      const file = join(photoDir, receipt.fileName);
      expect(checkReceipt(file, store)).toMatchObject({ intact: true, code: receipt.code, matchesDatabase: true, visit: moveOut });

      const pdf = readFileSync(file);
      // The information dictionary names the data's object; its string is base64 of '{"…', so it opens with (eyJ.
      const object = /\/FieldmeterReceiptData (\d+) 0 R/.exec(pdf.toString('latin1'))?.[1];
      const data = pdf.indexOf(Buffer.from(`${object} 0 obj\n(eyJ`));
      expect(data).toBeGreaterThan(0);
      const tampered = Buffer.from(pdf);
      tampered[data + 40] = tampered[data + 40] === 0x41 ? 0x42 : 0x41; // one base64 character of the data
      const changed = join(dir, 'changed.pdf');
      writeFileSync(changed, tampered);
      expect(checkReceipt(changed)).toMatchObject({ intact: false, code: receipt.code });
      store.close();

      const ok = await fieldmeterInProcess(['receipt', 'verify', file, '--db', database]);
      expect(ok.stdout).toMatch(/Intact: code .* matches the visit stored in the database/);
      expect(ok.code).toBe(0);
      // --verbose: what differs is the developer message until it is coded (issue 16 §3).
      const broken = await fieldmeterInProcess(['receipt', 'verify', changed, '--verbose']);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/NOT INTACT/);
      // The office's copy of the database says another value was read: the receipt no longer matches it.
      const copy = join(dir, 'office.db');
      copyFileSync(database, copy);
      execFileSync('sqlite3', [
        copy,
        "UPDATE readings SET value = '1' WHERE reading_set_id = (SELECT reading_set_id FROM switch_orders WHERE id = 'SW-DEMO-MO5')",
      ]);
      const differs = await fieldmeterInProcess(['receipt', 'verify', file, '--db', copy, '--verbose']);
      expect(differs.code).toBe(1);
      expect(differs.stderr).toMatch(/DOES NOT MATCH the database/);
      // …and says which part: the reading, with the value on the receipt and the one in the database now.
      expect(differs.stderr).toMatch(/What differs:\s+- the reading \S+ .*\(switch\): the receipt says [\d.]+ kWh, the database now 1 kWh/);
      expect(differs.stderr).not.toMatch(/the signature:/);
    },
    scaled(60_000),
  );

  it('an exchange receipt names both meters, final and initial readings, the seals and draws the register photo', async () => {
    const dir = tempDir();
    const store: Store = openDemoStore(dir, installer);
    const photoDir = join(dir, 'photos');
    const photo = addPhoto(store, installer, photoDir, {
      usagePointId: 'UP-1001',
      fileName: 'register.png',
      mimeType: 'image/png',
      dataBase64: png.toString('base64'),
    });
    const old = store.workOrders.meterAt('UP-1001');
    const fresh = store.workOrders.deviceBySerial('E9100001');
    if (!old || !fresh) throw new Error('demo not loaded');
    completeExchange(store, installer, {
      workOrderId: 'WO-DEMO-EX1',
      oldMeter: {
        observedSerial: old.serialNumber,
        finalReadings: store.workOrders.registersOf(old.id).map((r) => ({
          registerId: r.id,
          value: '4711',
          confirmation: { method: 'reason' as const, reason: 'far off the usual use: the test needs a known value' },
        })),
        finalSource: 'manual',
        sealsRemoved: ['S-OLD-1'],
        disposition: 'returned',
        photoIds: [photo.photoId],
      },
      newMeter: {
        serial: 'E9100001',
        initialReadings: store.workOrders.registersOf(fresh.id).map((r) => ({ registerId: r.id, value: '0' })),
        sealsApplied: ['S-NEW-1'],
        photoIds: [],
      },
      note: '',
    });
    const visit = { kind: 'workOrder', id: 'WO-DEMO-EX1' } as const;
    saveSignature(store, installer, photoDir, visit, { status: 'declined', signerName: '' });
    const receipt = await createReceipt(store, installer, photoDir, visit, 'de');
    const text = pdfText(join(photoDir, receipt.fileName));
    for (const words of [
      'Zählerwechsel',
      old.serialNumber,
      'E9100001',
      'Ausbaustand',
      'Einbaustand',
      'S-OLD-1',
      'S-NEW-1',
      'Foto des Zählwerks',
      'Der Kunde hat die Unterschrift verweigert',
    ])
      expect(text).toContain(words);
    // The register photo is drawn (320×240, as taken); a declined signature draws no image.
    const images = execFileSync('pdfimages', ['-list', join(photoDir, receipt.fileName)], { encoding: 'utf8' });
    expect(images).toMatch(/^\s*1\s+0\s+image\s+320\s+240\b/m);
    expect(existsSync(join(photoDir, receipt.fileName))).toBe(true);
    expect(checkReceipt(join(photoDir, receipt.fileName), store)).toMatchObject({ intact: true, matchesDatabase: true });
    store.close();
  });
});
