/**
 * Signatures at the end of a visit (issue 24 §2) on a real SQLite file: a PNG stored beside the
 * photos under its SHA-256 with the signer, role and time; "declined" and "no one home" recorded
 * as such; refused when not a PNG, cut off, too big, too large in pixels, on an unfinished visit,
 * a second time, or without the right the visit needs — and then nothing is written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReceipt } from '../../../electron/services/evidence/receipts';
import { saveSignature } from '../../../electron/services/evidence/signatures';
import type { Store } from '../../../electron/services/store';
import { recordControl } from '../../../electron/services/switching/control';
import { takeSwitchReading } from '../../../electron/services/switching/switchRead';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { MAX_SIGNATURE_BYTES } from '../../../shared/evidence/visit';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';

const technician = { name: 'Tom Technician', role: 'technician' } as const;
const installer = { name: 'Ines Installer', role: 'installer' } as const;
// A real PNG written by another encoder (the fixture the photo tests use: 320×240 RGB).
const png = readFileSync(join(import.meta.dirname, '../../fixtures/meter-photo.png'));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('visit signatures (issue 24 §2)', () => {
  const tempDir = useTempDir();
  const open = () => {
    const dir = tempDir();
    const store = openDemoStore(dir, technician);
    const photoDir = join(dir, 'photos');
    return { store, photoDir, context: { settings: defaultValidationSettings, photoDir } };
  };
  const values = (store: Store, up: string) =>
    (store.meters.get(up)?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
  const moveOut = { kind: 'switchOrder', id: 'SW-DEMO-MO5' } as const;
  const rows = (store: Store) => store.db.prepare('SELECT count(*) AS n FROM visit_signatures').get() as { n: number };

  it('stores the customer signature as a PNG named by its SHA-256, with the typed name, role and time, and audits it', () => {
    const { store, photoDir, context } = open();
    expect(() =>
      saveSignature(store, technician, photoDir, moveOut, { status: 'signed', signerName: 'Erika Müller', imageBase64: b64(png) }),
    ).toThrow(/not finished/);
    takeSwitchReading(store, technician, { switchOrderId: moveOut.id, values: values(store, 'UP-1005') }, context);
    const audits = store.journal.auditCount();
    const info = saveSignature(
      store,
      technician,
      photoDir,
      moveOut,
      { status: 'signed', signerName: '  Erika Müller ', imageBase64: b64(png) },
      new Date('2026-12-07T10:00:00Z'),
    );
    expect(info).toEqual({
      status: 'signed',
      signerName: 'Erika Müller',
      signerRole: 'customer',
      signedAt: '2026-12-07T10:00:00.000Z',
      hasImage: true,
    });
    const row = store.evidence.signature(moveOut);
    expect(row).toMatchObject({ usagePointId: 'UP-1005', width: 320, height: 240, sizeBytes: png.length, recordedBy: 'Tom Technician' });
    const file = join(photoDir, `${row?.imageSha256}.png`);
    expect(readFileSync(file).equals(png)).toBe(true);
    expect(store.journal.auditCount()).toBe(audits + 1);
    // Evidence is never replaced.
    expect(() => saveSignature(store, technician, photoDir, moveOut, { status: 'declined', signerName: '' })).toThrow(/already signed/);
    store.close();
  });

  it('records "declined" without an image and "no one home" as the technician signing', () => {
    const { store, photoDir, context } = open();
    takeSwitchReading(store, technician, { switchOrderId: 'SW-DEMO-MO5', values: values(store, 'UP-1005') }, context);
    takeSwitchReading(store, technician, { switchOrderId: 'SW-DEMO-MI6', values: values(store, 'UP-1006') }, context);
    expect(saveSignature(store, technician, photoDir, moveOut, { status: 'declined', signerName: '' })).toMatchObject({
      status: 'declined',
      signerRole: 'customer',
      hasImage: false,
    });
    expect(store.evidence.signature(moveOut)?.imageSha256).toBeNull();
    const home = saveSignature(
      store,
      technician,
      photoDir,
      { kind: 'switchOrder', id: 'SW-DEMO-MI6' },
      { status: 'noOneHome', signerName: 'Tom Technician', imageBase64: b64(png) },
    );
    expect(home).toMatchObject({ status: 'noOneHome', signerRole: 'technician', signerName: 'Tom Technician', hasImage: true });
    store.close();
  });

  it('refuses what is not a real PNG, a cut-off or changed one, one too big or too wide — nothing written', () => {
    const { store, photoDir, context } = open();
    takeSwitchReading(store, technician, { switchOrderId: moveOut.id, values: values(store, 'UP-1005') }, context);
    const audits = store.journal.auditCount();
    const sign = (bytes: Uint8Array) =>
      saveSignature(store, technician, photoDir, moveOut, { status: 'signed', signerName: 'E. M.', imageBase64: b64(bytes) });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(60)]);
    expect(() => sign(jpeg)).toThrow(expect.objectContaining({ code: 'VALIDATION', details: { reason: 'signatureNotPng' } }));
    expect(() => sign(png.subarray(0, png.length - 20))).toThrow(expect.objectContaining({ details: { reason: 'signatureDamaged' } }));
    const flipped = Buffer.from(png);
    flipped[60] = (flipped[60] ?? 0) ^ 0xff; // inside the image data: its CRC no longer holds
    expect(() => sign(flipped)).toThrow(expect.objectContaining({ details: { reason: 'signatureDamaged' } }));
    expect(() => sign(Buffer.concat([png, Buffer.alloc(MAX_SIGNATURE_BYTES)]))).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
    // A well-formed PNG header claiming 5000×10 pixels: IHDR with a correct CRC.
    const wide = Buffer.from(png);
    wide.writeUInt32BE(5000, 16);
    wide.writeUInt32BE(crc(wide.subarray(12, 29)), 29);
    expect(() => sign(wide)).toThrow(expect.objectContaining({ code: 'TOO_LARGE', details: { reason: 'signatureTooWide' } }));
    expect(rows(store).n).toBe(0);
    expect(store.journal.auditCount()).toBe(audits);
    expect(existsSync(photoDir) ? readdirSync(photoDir) : []).toEqual([]);
    store.close();
  });

  it('a disconnect is signed off by an installer, not a technician, and its receipt says what was done; an exchange needs its work order finished', async () => {
    const { store, photoDir, context } = open();
    recordControl(
      store,
      installer,
      { switchOrderId: 'SW-DEMO-DC9', outcome: 'done', action: 'meterSwitch', controlResult: 'succeeded', sealNumber: 'PL-778' },
      context,
    );
    const disconnect = { kind: 'switchOrder', id: 'SW-DEMO-DC9' } as const;
    expect(() =>
      saveSignature(store, technician, photoDir, disconnect, { status: 'signed', signerName: 'K', imageBase64: b64(png) }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'needsRight', right: 'install', role: 'technician' } }));
    expect(saveSignature(store, installer, photoDir, disconnect, { status: 'signed', signerName: 'K', imageBase64: b64(png) }).status).toBe(
      'signed',
    );
    await expect(createReceipt(store, technician, photoDir, disconnect, 'en')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const receipt = await createReceipt(store, installer, photoDir, disconnect, 'en');
    const text = execFileSync('pdftotext', ['-layout', join(photoDir, receipt.fileName), '-'], { encoding: 'utf8' });
    for (const words of ['Disconnection', 'Outcome: done', 'applied: PL-778', 'Technician: Ines Installer', 'Signed by the customer: K'])
      expect(text).toContain(words);
    expect(() =>
      saveSignature(store, installer, photoDir, { kind: 'workOrder', id: 'WO-DEMO-EX1' }, { status: 'declined', signerName: '' }),
    ).toThrow(/not a finished meter exchange, install or removal/);
    expect(() =>
      saveSignature(store, installer, photoDir, { kind: 'workOrder', id: 'NOPE' }, { status: 'declined', signerName: '' }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    store.close();
  });
});

/** CRC-32 (ISO 3309) written out here, independent of the checker under test. */
function crc(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
