/**
 * Code tables as utility data (issue 19 §5): the published 61968-9 codes by default (shared/cim
 * README, NOTES.md §7-8), a second shipped table following an AMI vendor's alarm codes (Aclara's
 * endpoint alarm list: power failure 3.26.0.85, power restore 26.26.0.216, cover removed
 * 3.12.29.212, meter system error 3.0.0.79), and a utility's own table on top of either.
 */
import { describe, expect, it } from 'vitest';
import {
  AMI_VENDOR_EXAMPLE_TABLE,
  controlCodeIn,
  eventCodeIn,
  IEC_61968_9_TABLE,
  panJoinOutcomeIn,
  qualityCodeIn,
} from '../../../shared/cim/codes/codeTables';
import { endDeviceControlType, endDeviceEventTypeFor } from '../../../shared/cim/codes/endDeviceCodes';
import { integrationProfileSchema, resolveCodeTable } from '../../../shared/cim/integrationProfile';
import { readingQuality } from '../../../shared/cim/readingQuality';

describe('code tables', () => {
  it('the default table sends every published code unchanged', () => {
    expect(eventCodeIn(IEC_61968_9_TABLE, endDeviceEventTypeFor('powerDown', 4))).toBe('4.26.38.85');
    expect(controlCodeIn(IEC_61968_9_TABLE, endDeviceControlType('disconnect'))).toBe('3.31.0.23');
    expect(qualityCodeIn(IEC_61968_9_TABLE, readingQuality.manuallyEntered)).toBe('2.4.131');
    expect(resolveCodeTable(integrationProfileSchema.parse({}).codeTable)).toBe(IEC_61968_9_TABLE);
  });

  it("the AMI vendor table writes its own codes, keeping the meter's type where it says 0", () => {
    expect(eventCodeIn(AMI_VENDOR_EXAMPLE_TABLE, '4.26.38.85')).toBe('4.26.0.85');
    expect(eventCodeIn(AMI_VENDOR_EXAMPLE_TABLE, '3.26.38.49')).toBe('26.26.0.216');
    expect(eventCodeIn(AMI_VENDOR_EXAMPLE_TABLE, '3.12.141.212')).toBe('3.12.29.212');
    expect(eventCodeIn(AMI_VENDOR_EXAMPLE_TABLE, '3.0.43.79')).toBe('3.0.0.79');
    expect(eventCodeIn(AMI_VENDOR_EXAMPLE_TABLE, '3.12.43.257')).toBe('3.12.43.257'); // the same in both
    // A code the utility configured itself (a skip code's) is not the app's to rewrite.
    expect(eventCodeIn(AMI_VENDOR_EXAMPLE_TABLE, '3.99.1.2')).toBe('3.99.1.2');
  });

  it("a utility's own table starts from a shipped one and changes what it names", () => {
    const profile = integrationProfileSchema.parse({
      codeTable: {
        name: 'Stadtwerke MDM',
        base: 'amiVendorExample',
        events: { tamperDetected: '0.12.43.300' },
        controls: { disconnect: '3.31.26.23' },
        readingQualities: { manuallyEntered: '4.4.131' },
      },
    });
    const table = resolveCodeTable(profile.codeTable);
    expect(eventCodeIn(table, '24.12.43.257')).toBe('24.12.43.300');
    expect(eventCodeIn(table, '3.26.38.85')).toBe('3.26.0.85'); // from its base
    expect(controlCodeIn(table, '4.31.0.23')).toBe('3.31.26.23'); // a type of its own: sent as given
    expect(qualityCodeIn(table, '2.4.131')).toBe('4.4.131');
    expect(qualityCodeIn(table, '2.5.259')).toBe('2.5.259');
  });

  it('refuses a table naming an event the app does not send, or a code of the wrong form', () => {
    const bad = [
      { name: 'x', events: { powerOut: '0.26.0.85' } },
      { name: 'x', events: { powerDown: '26.0.85' } },
      { name: 'x', readingQualities: { estimated: '2.8' } },
      'oracle',
    ];
    for (const codeTable of bad) expect(integrationProfileSchema.safeParse({ codeTable }).success, JSON.stringify(codeTable)).toBe(false);
  });

  it('accepts the PAN join outcome codes of both shipped tables whatever table is chosen', () => {
    for (const table of [IEC_61968_9_TABLE, AMI_VENDOR_EXAMPLE_TABLE]) {
      expect(panJoinOutcomeIn(table, '15.10.0.42')).toBe('joined');
      expect(panJoinOutcomeIn(table, '15.23.0.42')).toBe('joined');
      expect(panJoinOutcomeIn(table, '12.23.73.85')).toBe('failed');
      expect(panJoinOutcomeIn(table, '3.26.38.85')).toBeNull();
      expect(panJoinOutcomeIn(table, '15.10.73.298')).toBeNull();
    }
  });
});
