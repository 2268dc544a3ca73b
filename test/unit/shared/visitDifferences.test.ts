/**
 * Which part of a visit differs between a receipt and the database (issue 24 §3): each part named,
 * with the receipt's and the database's value, so the office sees what changed.
 */
import { describe, expect, it } from 'vitest';
import { describeDifference, visitDifferences } from '../../../shared/evidence/recordDiff';
import type { VisitRecord } from '../../../shared/evidence/visit';

const receipt: VisitRecord = {
  format: 'fieldmeter-visit-receipt/1',
  visit: { kind: 'switchOrder', id: 'SW-1' },
  work: 'moveOut',
  usagePointId: 'UP-1',
  address: 'Hauptstraße 1, Musterstadt',
  position: null,
  technician: 'Tom Technician',
  at: '2026-12-07T09:00:00.000Z',
  meterSerial: 'E3100005',
  newMeterSerial: null,
  readings: [
    {
      meterSerial: 'E3100005',
      readingType: '0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0',
      label: 'T1',
      value: '1234.5',
      unit: 'kWh',
      purpose: 'switch',
    },
    {
      meterSerial: 'E3100005',
      readingType: '0.0.0.1.1.1.12.0.0.0.0.2.0.0.0.3.72.0',
      label: 'T2',
      value: '200',
      unit: 'kWh',
      purpose: 'switch',
    },
  ],
  sealsRemoved: [],
  sealsApplied: ['S-1'],
  photos: ['a'.repeat(64)],
  control: null,
  note: '',
  signature: {
    status: 'signed',
    signerName: 'Erika Müller',
    signerRole: 'customer',
    signedAt: '2026-12-07T09:05:00.000Z',
    imageSha256: 'b'.repeat(64),
  },
};

describe('visit differences', () => {
  it('finds none between a visit and itself', () => {
    expect(visitDifferences(receipt, structuredClone(receipt))).toEqual([]);
  });

  it('names a changed reading by meter, register and purpose, with both values and units', () => {
    const now = structuredClone(receipt) as { readings: { value: string }[] } & VisitRecord;
    now.readings[0]!.value = '1240';
    const found = visitDifferences(receipt, now);
    expect(found).toEqual([{ part: 'reading', which: 'E3100005 T1 (switch)', receipt: '1234.5 kWh', database: '1240 kWh' }]);
    expect(describeDifference(found[0]!)).toBe('the reading E3100005 T1 (switch): the receipt says 1234.5 kWh, the database now 1240 kWh');
  });

  it('names a reading the database lost and one it gained, a changed seal and a signature no longer there', () => {
    const now: VisitRecord = {
      ...receipt,
      readings: [receipt.readings[0]!, { ...receipt.readings[1]!, label: 'T3' }],
      sealsApplied: ['S-2'],
      signature: null,
    };
    expect(visitDifferences(receipt, now).map(describeDifference)).toEqual([
      'the reading E3100005 T2 (switch): the receipt says 200 kWh, the database now nothing',
      'the reading E3100005 T3 (switch): the receipt says nothing, the database now 200 kWh',
      'the seals applied: the receipt says S-1, the database now S-2',
      `the signature: the receipt says signed by Erika Müller at 2026-12-07T09:05:00.000Z, image bbbbbbbbbbbb…, the database now nothing`,
    ]);
  });

  it('names the technician, the time and the note', () => {
    const now: VisitRecord = { ...receipt, technician: 'Ines Installer', at: '2026-12-07T10:00:00.000Z', note: 'tenant present' };
    expect(visitDifferences(receipt, now).map((d) => d.part)).toEqual(['technician', 'time', 'note']);
    expect(describeDifference(visitDifferences(receipt, now)[2]!)).toBe(
      'the note: the receipt says (empty), the database now tenant present',
    );
  });
});
